package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;

/**
 * How the values of one annotation are represented at the low level (PyPy's {@code Repr}): a
 * low-level type, and how a host constant of that annotation becomes a low-level constant. The
 * RTyper picks one repr per annotation ({@link RTyper#reprOf}); the rules for operations
 * ({@link Rules}) choose low-level operations by the reprs of their arguments.
 *
 * <p>This part has the reprs of numbers and of values known at translation time; part 2 adds
 * strings, lists and dicts, and instances come with classes, each one more record here.
 */
public sealed interface Repr {

    LowLevelType lowleveltype();

    /** A number, a bool or a char: one machine value of a primitive type. */
    record PrimitiveRepr(Primitive type) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return type;
        }
    }

    /**
     * A value known at translation time, which the low-level program never stores: None, a
     * function called directly, a builtin function. {@code Void}: it costs nothing at run time.
     */
    record ConstantRepr(PyObject value) implements Repr {
        @Override
        public LowLevelType lowleveltype() {
            return Primitive.VOID;
        }
    }

    Repr SIGNED = new PrimitiveRepr(Primitive.SIGNED);
    Repr UNSIGNED = new PrimitiveRepr(Primitive.UNSIGNED);
    Repr FLOAT = new PrimitiveRepr(Primitive.FLOAT);
    Repr BOOL = new PrimitiveRepr(Primitive.BOOL);
    Repr CHAR = new PrimitiveRepr(Primitive.CHAR);
}
