package dev.taipan.flowgraph.host;

/**
 * A Python exception travelling through Java code: the carrier, not the exception object
 * ({@link #value()} is that). Stack traces are not filled in: Python programs raise and catch
 * exceptions routinely, and Java's stack walk would dominate the cost.
 *
 * <p>{@link #reraise} marks a RERAISE or bare {@code raise}: the frame it is thrown in already
 * has its traceback entry, so the eval loop adds none.
 */
public final class PyException extends RuntimeException {
    private final PyBaseException value;
    boolean reraise;

    public PyException(PyBaseException value) {
        super(null, null, false, false);
        this.value = value;
    }

    PyException(PyBaseException value, boolean reraise) {
        this(value);
        this.reraise = reraise;
    }

    public PyBaseException value() {
        return value;
    }

    public boolean matches(PyType t) {
        return value.type().isSubtypeOf(t);
    }

    @Override
    public String getMessage() {
        String s = value.str();
        return value.type().name() + (s.isEmpty() ? "" : ": " + s);
    }
}
