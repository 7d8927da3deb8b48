package dev.taipan.flowgraph.flow;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One operation of a block: {@code result = opname(args...)}, with PyPy's operation names
 * ({@code add}, {@code getattr}, {@code simple_call}, ...) and the source position it came from
 * (its line, and the columns of the expression as {@link dev.taipan.flowgraph.bytecode.Code#packColumns}
 * packs them), so that errors and pictures speak of the user's program.
 */
public record SpaceOperation(String opname, List<Value> args, Variable result, int line, int columns) {
    public SpaceOperation {
        args = List.copyOf(args);
    }

    /** An operation whose columns are unknown. */
    public SpaceOperation(String opname, List<Value> args, Variable result, int line) {
        this(opname, args, result, line, dev.taipan.flowgraph.bytecode.Code.NO_COLUMNS);
    }

    /** The same operation with other arguments (simplification passes rename). */
    public SpaceOperation withArgs(List<Value> newArgs) {
        return new SpaceOperation(opname, newArgs, result, line, columns);
    }

    @Override
    public String toString() {
        return result + " = " + opname + "(" + args.stream().map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}
