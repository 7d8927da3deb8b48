package dev.taipan.flowgraph.host;

/** Python's {@code slice}; {@link #indices} clips it to a sequence length, as CPython does. */
public final class PySlice extends PyObject {
    final PyObject start;
    final PyObject stop;
    final PyObject step;

    PySlice(PyObject start, PyObject stop, PyObject step) {
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    /** {start, stop, step, length} for a sequence of {@code len} items. */
    long[] indices(long len) {
        long st = step == PySingleton.NONE ? 1 : Ops.index(step);
        if (st == 0) {
            throw PyErrors.valueError("slice step cannot be zero");
        }
        long lo;
        long hi;
        if (st > 0) {
            lo = clip(start, 0, len, 0, len);
            hi = clip(stop, len, len, 0, len);
        } else {
            lo = clip(start, len - 1, len, -1, len - 1);
            hi = clip(stop, -1, len, -1, len - 1);
        }
        long n;
        if (st > 0) {
            n = lo < hi ? (hi - lo - 1) / st + 1 : 0;
        } else {
            n = lo > hi ? (lo - hi - 1) / -st + 1 : 0;
        }
        return new long[] {lo, hi, st, n};
    }

    private static long clip(PyObject v, long dflt, long len, long min, long max) {
        if (v == PySingleton.NONE) {
            return dflt;
        }
        long i = Ops.indexClamped(v);
        if (i < 0) {
            i += len;
            if (i < min) {
                i = min;
            }
        } else if (i > max) {
            i = max;
        }
        return i;
    }

    @Override
    public PyType type() {
        return Types.SLICE;
    }

    @Override
    PyObject getSlot(String name) {
        return switch (name) {
            case "start" -> start;
            case "stop" -> stop;
            case "step" -> step;
            default -> null;
        };
    }

    @Override
    String repr() {
        return "slice(" + Ops.repr(start) + ", " + Ops.repr(stop) + ", " + Ops.repr(step) + ")";
    }
}
