package dev.taipan.flowgraph.host;

import java.math.BigInteger;

/**
 * Python's unbounded {@code int}, with a {@code long} fast path: {@link #big} is null exactly
 * when the value fits in 64 bits, so the common case costs no {@link BigInteger}. Values from
 * -5 to 1024 are cached, as CPython caches its small ints. RPy programs live in the {@code long}
 * range (translated ints are machine words), so for them the slow path only runs inside
 * {@code intmask}/{@code ovfcheck}.
 */
public class PyInt extends PyObject {
    private static final PyInt[] SMALL = new PyInt[1030];

    static {
        for (int i = 0; i < SMALL.length; i++) {
            SMALL[i] = new PyInt(i - 5);
        }
    }

    static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    final long value;
    /** Non-null only when the value does not fit in a long. */
    final BigInteger big;

    PyInt(long value) {
        this.value = value;
        this.big = null;
    }

    PyInt(BigInteger big) {
        if (big.bitLength() < 64) {
            this.value = big.longValue();
            this.big = null;
        } else {
            this.value = 0;
            this.big = big;
        }
    }

    public static PyInt of(long v) {
        if (v >= -5 && v < 1025) {
            return SMALL[(int) v + 5];
        }
        return new PyInt(v);
    }

    public static PyInt of(BigInteger v) {
        return v.bitLength() < 64 ? of(v.longValue()) : new PyInt(v);
    }

    public boolean fitsLong() {
        return big == null;
    }

    /** The value; only meaningful when {@link #fitsLong()}. */
    public long longValue() {
        return value;
    }

    public BigInteger bigValue() {
        return big != null ? big : BigInteger.valueOf(value);
    }

    /** The value as a Java int, or OverflowError (for indexes, counts, chr...). */
    int intValue() {
        if (big != null || value != (int) value) {
            throw PyErrors.overflow("Python int too large to convert to C int");
        }
        return (int) value;
    }

    /** A plain int with the same value (drops a subclass or bool). */
    PyInt asExactInt() {
        return big != null ? of(big) : of(value);
    }

    double doubleValue() {
        if (big == null) {
            return value;
        }
        double d = big.doubleValue();
        if (Double.isInfinite(d)) {
            throw PyErrors.overflow("int too large to convert to float");
        }
        return d;
    }

    int signum() {
        return big != null ? big.signum() : Long.signum(value);
    }

    @Override
    public PyType type() {
        return Types.INT;
    }

    @Override
    String repr() {
        return big != null ? big.toString() : Long.toString(value);
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof PyInt i) {
            return big == null ? i.big == null && i.value == value : big.equals(i.big);
        }
        if (o instanceof PyFloat f) {
            return Arith.compareIntFloat(this, f.value) == 0;
        }
        return o instanceof PyObject p && !(p.type().isBuiltin()) && Ops.eqBool(this, p);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(Arith.hashInt(this));
    }
}
