package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PySingleton;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyType;

/**
 * A value known at translation time: a live host object (an int, a str, a function, a class,
 * a prebuilt instance, a module) or one of the flow space's own markers
 * ({@link #LAST_EXCEPTION}, a {@link CallShape}, an unrolling iterator).
 *
 * <p>Two constants are the same when they hold the same object; immutable atoms (ints, strs,
 * floats bit for bit, None) are also the same when equal, so that a loop that stores the same
 * number on every path keeps it constant. Python's {@code 1 == True} does not count: an int and
 * a bool are different constants.
 */
public record Constant(Object value) implements Value {

    /** The flow space's own constant values. */
    public enum Marker {
        /** The exitswitch of a block whose last operation may raise (PyPy's {@code c_last_exception}). */
        LAST_EXCEPTION,
        /** What LOAD_METHOD pushes when it found no method: "no self". */
        NULL
    }

    /** PyPy's {@code c_last_exception}. */
    public static final Constant LAST_EXCEPTION = new Constant(Marker.LAST_EXCEPTION);
    static final Constant NULL = new Constant(Marker.NULL);
    public static final Constant NONE = new Constant(PySingleton.NONE);

    /**
     * Whether this is a position of an {@code unrolling_iterable}'s iterator (PyPy's SpecTag):
     * two different positions must never be united (see {@link FrameState#union}).
     */
    public boolean isUnrollingPosition() {
        return value instanceof UnrollingIterator;
    }

    /** A constant for a host object (or a marker). */
    public static Constant of(Object value) {
        return new Constant(value);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Constant(Object other))) {
            return false;
        }
        if (value == other) {
            return true;
        }
        if (value == null || other == null || value.getClass() != other.getClass()) {
            return false;
        }
        return switch (value) {
            case PyFloat f -> Double.doubleToRawLongBits(f.value()) == Double.doubleToRawLongBits(((PyFloat) other).value());
            case PyInt i -> i.equals(other);
            case PyStr s -> s.equals(other);
            case Record r -> r.equals(other);   // values: a CallShape, a later stage's low-level constant
            default -> false;
        };
    }

    @Override
    public int hashCode() {
        return switch (value) {
            case PyFloat f -> Double.hashCode(f.value());
            case PyInt i -> i.hashCode();
            case PyStr s -> s.hashCode();
            case Record r -> r.hashCode();
            case null -> 0;
            default -> System.identityHashCode(value);
        };
    }

    /** How pictures and dumps show the constant: Python's repr, or a name for functions and classes. */
    @Override
    public String toString() {
        return switch (value) {
            case Marker m -> m == Marker.LAST_EXCEPTION ? "last_exception" : "NULL";
            case PyFunction f -> "(function " + f.qualname() + ")";
            case PyType t -> "(class " + t.qualname() + ")";
            case PyObject o -> safeRepr(o);
            case null -> "null";
            default -> value.toString();
        };
    }

    private static String safeRepr(PyObject o) {
        try {
            String r = HostSpace.repr(o);
            return r.length() > 60 ? r.substring(0, 57) + "..." : r;
        } catch (RuntimeException e) {
            return "<" + o.type().name() + ">";
        }
    }
}
