package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.PyObject;
import java.util.List;

/**
 * The iterator of a loop over an {@code unrolling_iterable} constant, at one position: a
 * constant of the flow space (PyPy's SpecTag). {@code FOR_ITER} on it yields the item at
 * {@link #index} as a constant and the iterator at the next position; since two positions never
 * merge (see {@link FrameState#union}), the loop body is interpreted once per item.
 */
record UnrollingIterator(List<PyObject> items, int index) {
    @Override
    public boolean equals(Object o) {
        return o instanceof UnrollingIterator(List<PyObject> i, int n) && i == items && n == index;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(items) * 31 + index;
    }

    @Override
    public String toString() {
        return "unrolling_iterator[" + index + "/" + items.size() + "]";
    }
}
