package dev.taipan.flowgraph.host.lib;

/**
 * A Python exception raised by the library: the host interpreter catches it and raises the
 * Python exception named by {@link #pythonType()} ("ValueError", "TypeError", "OverflowError",
 * "IndexError", "MemoryError") with {@link #getMessage()}, which is CPython 3.11's exact wording.
 */
public final class PyLibError extends RuntimeException {

    private final String pythonType;

    public PyLibError(String pythonType, String message) {
        super(message, null, false, false);
        this.pythonType = pythonType;
    }

    /** The name of the built-in Python exception class to raise. */
    public String pythonType() {
        return pythonType;
    }

    static PyLibError valueError(String message) {
        return new PyLibError("ValueError", message);
    }

    static PyLibError typeError(String message) {
        return new PyLibError("TypeError", message);
    }

    static PyLibError overflowError(String message) {
        return new PyLibError("OverflowError", message);
    }

    @Override
    public String toString() {
        return pythonType + ": " + getMessage();
    }
}
