package dev.taipan.flowgraph.host;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Number semantics: int (long fast path, BigInteger on overflow), float, and their mixes, with
 * Python's floor division and modulo (the result takes the sign of the divisor), true division
 * to float, and CPython's error messages. Operator numbers are {@code Ast.Operator} ordinals.
 */
final class Arith {
    private Arith() {}

    static final int ADD = 0, SUB = 1, MUL = 2, MATMUL = 3, DIV = 4, MOD = 5, POW = 6, LSHIFT = 7, RSHIFT = 8,
            OR = 9, XOR = 10, AND = 11, FLOORDIV = 12;
    static final long HASH_MODULUS = (1L << 61) - 1;

    /** The fast path for two longs; null when the result needs the general path. */
    static PyObject longOp(int op, long x, long y) {
        switch (op) {
            case ADD -> {
                long r = x + y;
                return ((x ^ r) & (y ^ r)) < 0 ? null : PyInt.of(r);
            }
            case SUB -> {
                long r = x - y;
                return ((x ^ y) & (x ^ r)) < 0 ? null : PyInt.of(r);
            }
            case MUL -> {
                long hi = Math.multiplyHigh(x, y);
                long lo = x * y;
                return (hi == 0 && lo >= 0) || (hi == -1 && lo < 0) ? PyInt.of(lo) : null;
            }
            case FLOORDIV -> {
                return y == 0 || (x == Long.MIN_VALUE && y == -1) ? null : PyInt.of(Math.floorDiv(x, y));
            }
            case MOD -> {
                return y == 0 ? null : PyInt.of(Math.floorMod(x, y));
            }
            case AND -> {
                return PyInt.of(x & y);
            }
            case OR -> {
                return PyInt.of(x | y);
            }
            case XOR -> {
                return PyInt.of(x ^ y);
            }
            case LSHIFT -> {
                if (y < 0 || y >= 63) {
                    return null;
                }
                long r = x << y;
                return (r >> y) == x ? PyInt.of(r) : null;
            }
            case RSHIFT -> {
                return y < 0 ? null : PyInt.of(x >> Math.min(y, 63));
            }
            case DIV -> {
                if (y == 0) {
                    return null;
                }
                if (Math.abs(x) < (1L << 53) && Math.abs(y) < (1L << 53)) {
                    return new PyFloat((double) x / (double) y);
                }
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    static PyObject floatOp(int op, double x, double y) {
        return switch (op) {
            case ADD -> new PyFloat(x + y);
            case SUB -> new PyFloat(x - y);
            case MUL -> new PyFloat(x * y);
            case DIV -> y == 0 ? null : new PyFloat(x / y);
            default -> null;
        };
    }

    static boolean compareLongs(int op, long a, long b) {
        return switch (op) {
            case 0 -> a == b;
            case 1 -> a != b;
            case 2 -> a < b;
            case 3 -> a <= b;
            case 4 -> a > b;
            default -> a >= b;
        };
    }

    /** int op int for any sizes; null for operators ints do not have (matmul). */
    static PyObject intOp(int op, PyInt a, PyInt b) {
        if (a.big == null && b.big == null) {
            PyObject r = longOp(op, a.value, b.value);
            if (r != null) {
                return r;
            }
        }
        BigInteger x = a.bigValue();
        BigInteger y = b.bigValue();
        return switch (op) {
            case ADD -> PyInt.of(x.add(y));
            case SUB -> PyInt.of(x.subtract(y));
            case MUL -> PyInt.of(x.multiply(y));
            case FLOORDIV -> {
                if (y.signum() == 0) {
                    throw PyErrors.zeroDivision("integer division or modulo by zero");
                }
                yield PyInt.of(floorDiv(x, y));
            }
            case MOD -> {
                if (y.signum() == 0) {
                    throw PyErrors.zeroDivision("integer modulo by zero");
                }
                yield PyInt.of(floorMod(x, y));
            }
            case DIV -> {
                if (y.signum() == 0) {
                    throw PyErrors.zeroDivision("division by zero");
                }
                yield new PyFloat(trueDiv(x, y));
            }
            case POW -> intPow(a, b);
            case LSHIFT -> {
                if (y.signum() < 0) {
                    throw PyErrors.valueError("negative shift count");
                }
                if (y.bitLength() > 31) {
                    throw PyErrors.overflow("too many digits in integer");
                }
                yield PyInt.of(x.shiftLeft(y.intValue()));
            }
            case RSHIFT -> {
                if (y.signum() < 0) {
                    throw PyErrors.valueError("negative shift count");
                }
                yield PyInt.of(y.bitLength() > 31 ? BigInteger.valueOf(x.signum() < 0 ? -1 : 0) : x.shiftRight(y.intValue()));
            }
            case AND -> PyInt.of(x.and(y));
            case OR -> PyInt.of(x.or(y));
            case XOR -> PyInt.of(x.xor(y));
            default -> null;
        };
    }

    static BigInteger floorDiv(BigInteger x, BigInteger y) {
        BigInteger[] qr = x.divideAndRemainder(y);
        if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
            return qr[0].subtract(BigInteger.ONE);
        }
        return qr[0];
    }

    static BigInteger floorMod(BigInteger x, BigInteger y) {
        BigInteger r = x.remainder(y);
        if (r.signum() != 0 && r.signum() != y.signum()) {
            r = r.add(y);
        }
        return r;
    }

    /** Correctly rounded int / int, as CPython computes it. */
    static double trueDiv(BigInteger x, BigInteger y) {
        if (x.bitLength() < 53 && y.bitLength() < 53) {
            return x.doubleValue() / y.doubleValue();
        }
        BigDecimal q = new BigDecimal(x).divide(new BigDecimal(y), new java.math.MathContext(40));
        double d = q.doubleValue();
        if (Double.isInfinite(d)) {
            throw PyErrors.overflow("integer division result too large for a float");
        }
        return d;
    }

    static PyObject intPow(PyInt a, PyInt b) {
        if (b.signum() < 0) {
            double base = a.doubleValue();
            if (base == 0) {
                throw PyErrors.zeroDivision("0.0 cannot be raised to a negative power");
            }
            return new PyFloat(Math.pow(base, b.doubleValue()));
        }
        if (b.big != null) {
            if (a.big == null && (a.value == 0 || a.value == 1)) {
                return a.asExactInt();
            }
            throw PyErrors.overflow("exponent too large");
        }
        long e = b.value;
        if (a.big == null) {
            long base = a.value;
            long result = 1;
            long x = base;
            long n = e;
            boolean ok = true;
            while (n > 0 && ok) {
                if ((n & 1) != 0) {
                    long hi = Math.multiplyHigh(result, x);
                    long lo = result * x;
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) {
                        ok = false;
                        break;
                    }
                    result = lo;
                }
                n >>= 1;
                if (n > 0) {
                    long hi = Math.multiplyHigh(x, x);
                    long lo = x * x;
                    if (!((hi == 0 && lo >= 0) || (hi == -1 && lo < 0))) {
                        ok = false;
                        break;
                    }
                    x = lo;
                }
            }
            if (ok) {
                return PyInt.of(result);
            }
        }
        if (e > Integer.MAX_VALUE) {
            throw PyErrors.overflow("exponent too large");
        }
        return PyInt.of(a.bigValue().pow((int) e));
    }

    static PyObject powMod(PyInt a, PyInt b, PyInt m) {
        if (m.signum() == 0) {
            throw PyErrors.valueError("pow() 3rd argument cannot be 0");
        }
        BigInteger mod = m.bigValue();
        BigInteger r;
        if (b.signum() < 0) {
            r = a.bigValue().modInverse(mod.abs()).modPow(b.bigValue().negate(), mod.abs());
        } else {
            r = a.bigValue().modPow(b.bigValue(), mod.abs());
        }
        if (mod.signum() < 0 && r.signum() != 0) {
            r = r.add(mod);
        }
        return PyInt.of(r);
    }

    static PyObject floatBinary(int op, double x, double y) {
        switch (op) {
            case ADD:
                return new PyFloat(x + y);
            case SUB:
                return new PyFloat(x - y);
            case MUL:
                return new PyFloat(x * y);
            case DIV:
                if (y == 0) {
                    throw PyErrors.zeroDivision("float division by zero");
                }
                return new PyFloat(x / y);
            case FLOORDIV:
                if (y == 0) {
                    throw PyErrors.zeroDivision("float floor division by zero");
                }
                return new PyFloat(floatFloorDiv(x, y));
            case MOD:
                if (y == 0) {
                    throw PyErrors.zeroDivision("float modulo");
                }
                return new PyFloat(floatMod(x, y));
            case POW:
                return floatPow(x, y);
            default:
                return null;
        }
    }

    static double floatMod(double x, double y) {
        double mod = x % y;
        if (mod != 0) {
            if ((y < 0) != (mod < 0)) {
                mod += y;
            }
        } else {
            mod = Math.copySign(0.0, y);
        }
        return mod;
    }

    static double floatFloorDiv(double x, double y) {
        double mod = x % y;
        double div = (x - mod) / y;
        if (mod != 0 && (y < 0) != (mod < 0)) {
            div -= 1.0;
        }
        if (div != 0) {
            double floordiv = Math.floor(div);
            if (div - floordiv > 0.5) {
                floordiv += 1.0;
            }
            return floordiv;
        }
        return Math.copySign(0.0, x / y);
    }

    static PyObject floatPow(double x, double y) {
        if (Double.isNaN(y)) {                                     // float_pow's order: 1 ** nan and x ** inf first
            return new PyFloat(x == 1 ? 1.0 : y);
        }
        if (Double.isInfinite(y) && !Double.isNaN(x)) {
            double ax = Math.abs(x);
            return new PyFloat(ax == 1 ? 1.0 : (y > 0) == (ax > 1) ? Double.POSITIVE_INFINITY : 0.0);
        }
        if (x == 0 && y < 0) {
            throw PyErrors.zeroDivision("0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != Math.floor(y) && !Double.isInfinite(y)) {
            throw PyErrors.valueError("math domain error");
        }
        double r = Math.pow(x, y);
        if (Double.isInfinite(r) && !Double.isInfinite(x) && !Double.isInfinite(y)) {
            throw PyErrors.overflow("(34, 'Numerical result out of range')");
        }
        return new PyFloat(r);
    }

    /** Compares an int with a double exactly (no rounding of big ints). */
    static int compareIntFloat(PyInt i, double d) {
        if (Double.isNaN(d)) {
            return 2;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? -1 : 1;
        }
        if (i.big == null && Math.abs(i.value) < (1L << 53)) {
            return Double.compare((double) i.value, d) ;
        }
        return new BigDecimal(i.bigValue()).compareTo(new BigDecimal(d));
    }

    static long hashInt(PyInt i) {
        long h;
        if (i.big == null) {
            long v = i.value;
            if (v >= 0) {
                h = v % HASH_MODULUS;
            } else if (v == Long.MIN_VALUE) {
                h = -BigInteger.valueOf(v).negate().mod(BigInteger.valueOf(HASH_MODULUS)).longValue();
            } else {
                h = -((-v) % HASH_MODULUS);
            }
        } else {
            BigInteger m = i.big.abs().mod(BigInteger.valueOf(HASH_MODULUS));
            h = i.big.signum() < 0 ? -m.longValue() : m.longValue();
        }
        return h == -1 ? -2 : h;
    }

    static long hashFloat(double d) {
        if (Double.isNaN(d)) {
            return 0;
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? 314159 : -314159;
        }
        if (d == Math.rint(d) && Math.abs(d) < 9.2e18) {
            return hashInt(PyInt.of((long) d));
        }
        // CPython's algorithm: reduce the mantissa modulo 2**61 - 1
        int sign = d < 0 ? -1 : 1;
        double m = Math.abs(d);
        int e = Math.getExponent(m) + 1;
        m = m / Math.scalb(1.0, e);
        long x = 0;
        while (m != 0) {
            x = ((x << 28) & HASH_MODULUS) | x >>> (61 - 28);
            m *= 268435456.0;
            e -= 28;
            long y = (long) m;
            m -= y;
            x += y;
            if (x >= HASH_MODULUS) {
                x -= HASH_MODULUS;
            }
        }
        e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
        x = ((x << e) & HASH_MODULUS) | x >>> (61 - e);
        x = x * sign;
        return x == -1 ? -2 : x;
    }

    /** float(x) for int or float or objects with __float__. */
    static double toDouble(PyObject o) {
        if (o instanceof PyFloat f) {
            return f.value;
        }
        if (o instanceof PyInt i) {
            return i.doubleValue();
        }
        PyObject m = o.type().lookup("__float__");
        if (m != null) {
            PyObject r = m.call(new PyObject[] {o}, null);
            if (r instanceof PyFloat f) {
                return f.value;
            }
        }
        throw PyErrors.typeError("must be real number, not " + o.type().name());
    }

    /** int(x) of a float: truncation, with CPython's errors for inf and nan. */
    static PyInt fromDouble(double d) {
        if (Double.isNaN(d)) {
            throw PyErrors.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(d)) {
            throw PyErrors.overflow("cannot convert float infinity to integer");
        }
        if (Math.abs(d) < 9.2e18) {
            return PyInt.of((long) d);
        }
        return PyInt.of(new BigDecimal(d).toBigInteger());
    }

    /** Python's round-half-to-even, with ndigits. */
    static double round(double x, long ndigits) {
        return Lib.call(() -> dev.taipan.flowgraph.host.lib.FloatFormat.round(x, ndigits));
    }
}
