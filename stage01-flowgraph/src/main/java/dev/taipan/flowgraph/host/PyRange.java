package dev.taipan.flowgraph.host;

/** Python's {@code range} over longs (a range beyond 64 bits is not needed by any RPy program). */
public final class PyRange extends PyObject {
    final long start;
    final long stop;
    final long step;

    public long start() {
        return start;
    }

    public long stop() {
        return stop;
    }

    public long step() {
        return step;
    }

    PyRange(long start, long stop, long step) {
        if (step == 0) {
            throw PyErrors.valueError("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
    }

    /**
     * The number of items, the distance counted as an unsigned word (it may be up to 2**64 - 1);
     * more items than the largest int is CPython's OverflowError.
     */
    long length() {
        if (step > 0 ? start >= stop : start <= stop) {
            return 0;
        }
        long span = step > 0 ? stop - start : start - stop;   // modulo 2**64: exact as unsigned
        long by = step > 0 ? step : -step;                     // -MIN is 2**63 as unsigned
        long n = Long.divideUnsigned(span - 1, by) + 1;
        if (n < 0) {
            throw PyErrors.overflow("Python int too large to convert to C ssize_t");
        }
        return n;
    }

    long at(long i) {
        return start + i * step;
    }

    @Override
    public PyType type() {
        return Types.RANGE;
    }

    @Override
    String repr() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyRange r && r.start == start && r.stop == stop && r.step == step;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start * 31 + stop * 17 + step);
    }
}
