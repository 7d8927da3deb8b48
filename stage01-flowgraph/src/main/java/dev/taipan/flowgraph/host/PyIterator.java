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

    /** The step of a list iterator; FOR_ITER recognises it and steps it inline. */
    static final class ListSource implements Source {
        final java.util.ArrayList<PyObject> items;
        int index;

        ListSource(java.util.ArrayList<PyObject> items) {
            this.items = items;
        }

        @Override
        public PyObject next() {
            return index < items.size() ? items.get(index++) : null;
        }
    }

    /** The step of a range iterator; FOR_ITER recognises it and steps it inline. */
    static final class RangeSource implements Source {
        long next;
        final long step;
        long remaining;

        RangeSource(long start, long step, long length) {
            this.next = start;
            this.step = step;
            this.remaining = length;
        }

        @Override
        public PyObject next() {
            if (remaining <= 0) {
                return null;
            }
            remaining--;
            long v = next;
            next += step;
            return PyInt.of(v);
        }
    }

    private final PyType type;
    Source source;

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
