package dev.taipan.flowgraph.host;

/**
 * The eval loop's control-flow family: what the jumps need besides a new pc. A conditional
 * jump asks whether a value is true; FOR_ITER asks an iterator for its next item; a backward
 * jump is where a running program can be stopped.
 */
final class EvalControl {
    private EvalControl() {}

    /** Python truth, with the two bools (what comparisons push) decided without a call. */
    static boolean isTrue(PyObject v) {
        return v == PyBool.TRUE || v != PyBool.FALSE && Ops.truthy(v);
    }

    /**
     * Called on every backward jump. Every loop closes with one, so this is the one place where
     * a runaway program can be stopped (a notebook's interrupt, a test's timeout) by
     * interrupting its thread, as Ctrl-C stops CPython: KeyboardInterrupt is raised here.
     */
    static void checkInterrupt() {
        if (Thread.currentThread().isInterrupted()) {
            Thread.interrupted();
            throw PyErrors.of(Types.KEYBOARD_INTERRUPT);
        }
    }

    /**
     * FOR_ITER's step: the iterator's next item, or null when it is exhausted. The two
     * commonest loops, over a range and over a list, are stepped right here rather than
     * through the iterator's step function, whose call site sees every kind of iterator (a
     * megamorphic call the JIT cannot inline).
     */
    static PyObject next(PyObject it) {
        if (!(it instanceof PyIterator pi)) {
            return Ops.next(it);
        }
        PyIterator.Source s = pi.source;
        PyObject v;
        if (s instanceof PyIterator.RangeSource r) {
            if (r.remaining > 0) {
                r.remaining--;
                v = PyInt.of(r.next);
                r.next += r.step;
            } else {
                v = null;
            }
        } else if (s instanceof PyIterator.ListSource ls) {
            v = ls.index < ls.items.size() ? ls.items.get(ls.index++) : null;
        } else {
            v = pi.next();
        }
        if (v == null) {
            pi.source = null;   // an exhausted iterator stays exhausted
        }
        return v;
    }
}
