package dev.taipan.rtyper.llgraph;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.StructType;
import java.util.List;

/**
 * Where the path of a memory operation ({@code getfield}, {@code setarrayitem},
 * {@code getinteriorfield}, ...) leads from its pointer: a field name (a {@code Void} string)
 * steps into a struct, an index into an array (past its length word). A constant index is
 * folded into the offset; at most one index is known only at run time, and then the place is
 * {@code pointer + offset + index * scale}. The llinterp compiles the same walk into its
 * instructions and the x86 backend into an addressing mode, so both read the layout one way.
 *
 * @param type   the type of what the path reaches
 * @param offset the bytes from the pointer, constant indexes included
 * @param index  the run-time index, or null
 * @param scale  the size of an item of the array the run-time index is into (0 without one)
 */
public record MemoryPath(LowLevelType type, long offset, Value index, long scale) {

    /**
     * The path {@code steps} from a pointer to {@code start}.
     *
     * @throws IllegalArgumentException for a step the type has no room for, or two run-time indexes
     */
    public static MemoryPath walk(LowLevelType start, List<Value> steps) {
        LowLevelType type = start;
        long offset = 0;
        Value index = null;
        long scale = 0;
        for (Value step : steps) {
            switch (type) {
                case StructType s -> {
                    String name = fieldName(step);
                    offset += Layout.offsetOf(s, name);
                    type = s.field(name).type();
                }
                case ArrayType a -> {
                    offset += Layout.itemsOffset(a);
                    if (step instanceof Constant(LLConstant(Long i, var t)) && t == Primitive.SIGNED) {
                        offset += i * Layout.itemSize(a);
                    } else if (index == null) {
                        index = step;
                        scale = Layout.itemSize(a);
                    } else {
                        throw new IllegalArgumentException("a path with two run-time indexes");
                    }
                    type = a.item();
                }
                default -> throw new IllegalArgumentException("a " + type + " has no fields or items to reach with " + step);
            }
        }
        return new MemoryPath(type, offset, index, scale);
    }

    private static String fieldName(Value v) {
        if (v instanceof Constant(LLConstant(String s, var t)) && t == Primitive.VOID) {
            return s;
        }
        throw new IllegalArgumentException(v + " is not a Void constant string (a field name)");
    }
}
