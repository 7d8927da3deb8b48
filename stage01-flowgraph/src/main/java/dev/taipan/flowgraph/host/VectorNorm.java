package dev.taipan.flowgraph.host;

/**
 * {@code math.hypot} as CPython 3.11 computes it ({@code vector_norm} in mathmodule.c), not as
 * Java's {@code Math.hypot} or the C library does: the results differ in the last bit for
 * some inputs (a hypotenuse exactly halfway between two doubles, coordinates below 2**-1024),
 * and the host is the reference every later stage is compared with.
 *
 * <p>The coordinates are scaled by the power of two that brings the largest into [0.5, 1);
 * each square is split exactly into hi*hi + 2*hi*lo + lo*lo (Veltkamp's 26-bit halves), and
 * the parts are summed onto 1.0 with their rounding errors kept apart (Neumaier's compensated
 * sum); the square root of the sum is then corrected by one Newton step whose residual is
 * computed the same exact way (Borges, "An improved algorithm for hypot(a, b)", 2019). Below
 * 2**-1024 CPython divides by the largest coordinate instead and makes no correction.
 * {@code rpython/rtyper/rmath.py}'s {@code ll_math_hypot} is the same algorithm for two.
 */
final class VectorNorm {
    private VectorNorm() {}

    private static final double SPLITTER = 134217729.0;   // 2**27 + 1

    /** The Euclidean norm of the magnitudes {@code v}, CPython's bit for bit. */
    static double of(double... v) {
        double max = 0.0;
        boolean nan = false;
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.abs(v[i]);
            nan |= Double.isNaN(v[i]);
            max = Math.max(max, Double.isNaN(v[i]) ? 0.0 : v[i]);
        }
        if (Double.isInfinite(max)) {
            return max;
        }
        if (nan) {
            return Double.NaN;
        }
        if (max == 0.0 || v.length <= 1) {
            return max;
        }
        int e = Math.getExponent(max) + 1;                    // frexp's exponent, for normal numbers
        if (max < Double.MIN_NORMAL) {
            e = Math.getExponent(max * 0x1p54) + 1 - 54;
        }
        if (e < -1023) {
            Sum s = new Sum();
            for (double x : v) {
                double q = x / max;
                s.add(q * q, 1);
            }
            return max * Math.sqrt(s.csum - 1.0 + s.frac[1]);
        }
        double scale = Math.scalb(1.0, -e);
        Sum s = new Sum();
        for (double x : v) {
            s.addSquare(x * scale, 1.0);
        }
        double h = Math.sqrt(s.value());
        s.addSquare(h, -1.0);
        return (h + s.value() / (2.0 * h)) / scale;
    }

    /** 1.0 plus a sum of squares, with the errors of each kind of part kept apart. */
    private static final class Sum {
        double csum = 1.0;
        final double[] frac = new double[4];                 // [1] hi*hi, [2] 2*hi*lo, [3] lo*lo

        void add(double t, int part) {
            double old = csum;
            csum = old + t;
            frac[part] += (old - csum) + t;                  // exact while |csum| >= |t|
        }

        void addSquare(double x, double sign) {
            double c = SPLITTER * x;
            double hi = c - (c - x);
            double lo = x - hi;
            add(sign * hi * hi, 1);
            add(sign * 2.0 * hi * lo, 2);
            if (sign > 0) {
                frac[3] += lo * lo;                          // a coordinate's: too small to need the error
            } else {
                add(-lo * lo, 3);
            }
        }

        double value() {
            return csum - 1.0 + (frac[1] + frac[2] + frac[3]);
        }
    }
}
