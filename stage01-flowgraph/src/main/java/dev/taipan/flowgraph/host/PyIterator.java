package dev.taipan.flowgraph.host;

/**
 * The iterators of the built-in containers and of {@code enumerate}, {@code zip}, {@code map}...
 * {@link #next()} returns null when exhausted: FOR_ITER ends a loop without any Java exception,
 * and StopIteration is only created when Python code calls {@code next()} itself.
 */
final class PyIterator extends PyObject {

    /** The iteration step: the next item, or null at the end. */
    @FunctionalInterface
    interface Source {
        PyObject next();
    }

    private final PyType type;
    private Source source;

    PyIterator(PyType type, Source source) {
        this.type = type;
        this.source = source;
    }

    PyObject next() {
        Source s = source;
        if (s == null) {
            return null;
        }
        PyObject v = s.next();
        if (v == null) {
            source = null;
        }
        return v;
    }

    @Override
    public PyType type() {
        return type;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
