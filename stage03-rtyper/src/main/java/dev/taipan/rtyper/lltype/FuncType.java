package dev.taipan.rtyper.lltype;

import java.util.List;

/**
 * The type of a function, PyPy's {@code FuncType(args, result)}: what a low-level graph takes
 * and returns. A function is a container only so that {@code Ptr(FuncType)} can be a function
 * pointer (a method slot in a vtable, the target of {@code indirect_call}); it has no layout and
 * is never allocated. Arguments and results are primitives or pointers: containers pass by
 * pointer.
 */
public record FuncType(List<LowLevelType> args, LowLevelType result) implements ContainerType {

    public FuncType {
        args = List.copyOf(args);
        for (LowLevelType arg : args) {
            if (arg instanceof ContainerType) {
                throw new IllegalArgumentException("a function takes " + arg + " by pointer: use Ptr(" + arg + ")");
            }
        }
        if (result instanceof ContainerType) {
            throw new IllegalArgumentException("a function returns " + result + " by pointer: use Ptr(" + result + ")");
        }
    }

    @Override
    public boolean isGc() {
        return false;
    }

    @Override
    public String toString() {
        var sb = new StringBuilder("Func(");
        for (LowLevelType arg : args) {
            sb.append(arg).append(", ");
        }
        return sb.append("-> ").append(result).append(')').toString();
    }
}
