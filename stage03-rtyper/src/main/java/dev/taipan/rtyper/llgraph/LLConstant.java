package dev.taipan.rtyper.llgraph;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;

/**
 * The value of a constant in a low-level graph, with its low-level type (PyPy gives its
 * {@code Constant}s a {@code concretetype}; here a flow {@link Constant} holds one of these).
 *
 * <ul>
 *   <li>{@code Signed}, {@code Unsigned}: a {@code Long}; {@code Float}: a {@code Double};
 *       {@code Bool}: a {@code Boolean}; {@code Char}: a {@code Character} (0..255);</li>
 *   <li>a pointer: a {@link Prebuilt} object of the image, or null;</li>
 *   <li>a function pointer ({@code Ptr(FuncType)}): the {@link LowLevelGraph} it points to;</li>
 *   <li>{@code Void}: what an operation needs to know at translation time and never stores: a
 *       field name ({@code getfield(p, 'x')}), a type ({@code malloc(Node)}), an exception
 *       class name for the llinterp's messages.</li>
 * </ul>
 */
public record LLConstant(Object value, LowLevelType type) {

    public static Constant signed(long v) {
        return Constant.of(new LLConstant(v, Primitive.SIGNED));
    }

    public static Constant of(Object value, LowLevelType type) {
        return Constant.of(new LLConstant(value, type));
    }

    /** A translation-time value ({@code Void}): a field name, a type. */
    public static Constant voidOf(Object value) {
        return Constant.of(new LLConstant(value, Primitive.VOID));
    }

    /** The null pointer of type {@code ptr}. */
    public static Constant nullOf(Ptr ptr) {
        return Constant.of(new LLConstant(null, ptr));
    }

    @Override
    public String toString() {
        return switch (value) {
            case null -> "NULL";
            case Long l when type == Primitive.ADDRESS && l == 0 -> "NULL";   // llmemory.NULL
            case String s when type == Primitive.VOID -> "'" + s.replace("\\", "\\\\").replace("\n", "\\n")
                    .replace("\t", "\\t").replace("'", "\\'") + "'";
            case Character c -> "'" + (c >= 32 && c < 127 ? String.valueOf(c) : "\\x%02x".formatted((int) c)) + "'";
            case LowLevelGraph g -> "(fn " + g.name() + ")";
            case Prebuilt p -> "(" + p + ")";
            default -> String.valueOf(value);
        };
    }
}
