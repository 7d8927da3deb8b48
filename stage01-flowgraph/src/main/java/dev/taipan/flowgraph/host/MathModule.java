package dev.taipan.flowgraph.host;

import static dev.taipan.flowgraph.host.SysModule.put;

import java.math.BigInteger;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** The {@code math} module, with CPython's errors ({@code math domain error}, {@code math range error}). */
final class MathModule {
    private MathModule() {}

    static PyModule create() {
        PyDict d = new PyDict();
        PyModule m = new PyModule("math", d);
        d.putStr("pi", new PyFloat(Math.PI));
        d.putStr("e", new PyFloat(Math.E));
        d.putStr("tau", new PyFloat(2 * Math.PI));
        d.putStr("inf", new PyFloat(Double.POSITIVE_INFINITY));
        d.putStr("nan", new PyFloat(Double.NaN));
        unary(d, "sqrt", x -> x < 0 ? domain() : Math.sqrt(x));
        unary(d, "exp", x -> range(Math.exp(x), x));
        unary(d, "sin", x -> Double.isInfinite(x) ? domain() : Math.sin(x));
        unary(d, "cos", x -> Double.isInfinite(x) ? domain() : Math.cos(x));
        unary(d, "tan", x -> Double.isInfinite(x) ? domain() : Math.tan(x));
        unary(d, "asin", x -> x < -1 || x > 1 ? domain() : Math.asin(x));
        unary(d, "acos", x -> x < -1 || x > 1 ? domain() : Math.acos(x));
        unary(d, "atan", Math::atan);
        unary(d, "sinh", x -> range(Math.sinh(x), x));
        unary(d, "cosh", x -> range(Math.cosh(x), x));
        unary(d, "tanh", Math::tanh);
        unary(d, "fabs", Math::abs);
        unary(d, "log2", x -> x <= 0 ? domain() : Math.log(x) / Math.log(2));
        unary(d, "log10", x -> x <= 0 ? domain() : Math.log10(x));
        unary(d, "log1p", x -> x <= -1 ? domain() : Math.log1p(x));
        unary(d, "expm1", x -> range(Math.expm1(x), x));
        unary(d, "degrees", Math::toDegrees);
        unary(d, "radians", Math::toRadians);
        put(d, "log", (a, k) -> {
            BArgs.count("log", a, k, 1, 2);
            double x = logOf(a[0]);
            if (a.length == 2) {
                double b = logOf(a[1]);
                if (b == 0) {
                    throw PyErrors.zeroDivision("float division by zero");
                }
                return new PyFloat(x / b);
            }
            return new PyFloat(x);
        });
        put(d, "atan2", (a, k) -> new PyFloat(Math.atan2(Arith.toDouble(a[0]), Arith.toDouble(a[1]))));
        put(d, "pow", (a, k) -> {
            double x = Arith.toDouble(a[0]);
            double y = Arith.toDouble(a[1]);
            if (!Double.isFinite(x) || !Double.isFinite(y)) {      // math_pow's own special cases, as C99's
                if (Double.isNaN(x)) {
                    return new PyFloat(y == 0 ? 1.0 : x);
                }
                if (Double.isNaN(y)) {
                    return new PyFloat(x == 1 ? 1.0 : y);
                }
                return new PyFloat(Double.isInfinite(y) && Math.abs(x) == 1 ? 1.0 : Math.pow(x, y));
            }
            if (x == 0 && y < 0 || x < 0 && y != Math.floor(y)) {
                throw domainError();
            }
            return new PyFloat(range(Math.pow(x, y), x));
        });
        put(d, "hypot", (a, k) -> {
            double[] v = new double[a.length];
            for (int i = 0; i < a.length; i++) {
                v[i] = Arith.toDouble(a[i]);
            }
            return new PyFloat(VectorNorm.of(v));
        });
        put(d, "copysign", (a, k) -> new PyFloat(Math.copySign(Arith.toDouble(a[0]), Arith.toDouble(a[1]))));
        put(d, "fmod", (a, k) -> {
            double x = Arith.toDouble(a[0]);
            double y = Arith.toDouble(a[1]);
            if (y == 0 || Double.isInfinite(x)) {
                throw domainError();
            }
            return new PyFloat(x % y);
        });
        put(d, "floor", (a, k) -> rounding(a[0], "__floor__", Math::floor));
        put(d, "ceil", (a, k) -> rounding(a[0], "__ceil__", Math::ceil));
        put(d, "trunc", (a, k) -> rounding(a[0], "__trunc__", x -> x < 0 ? Math.ceil(x) : Math.floor(x)));
        put(d, "isinf", (a, k) -> PyBool.of(Double.isInfinite(Arith.toDouble(a[0]))));
        put(d, "isnan", (a, k) -> PyBool.of(Double.isNaN(Arith.toDouble(a[0]))));
        put(d, "isfinite", (a, k) -> PyBool.of(Double.isFinite(Arith.toDouble(a[0]))));
        put(d, "isclose", (a, k) -> {
            PyObject[] p = BArgs.parse("isclose", a, k, 2, "a", "b", "rel_tol", "abs_tol");
            double x = Arith.toDouble(p[0]);
            double y = Arith.toDouble(p[1]);
            double rel = p[2] == null ? 1e-9 : Arith.toDouble(p[2]);
            double abs = p[3] == null ? 0 : Arith.toDouble(p[3]);
            if (x == y) {
                return PyBool.TRUE;
            }
            if (Double.isInfinite(x) || Double.isInfinite(y)) {
                return PyBool.FALSE;
            }
            double diff = Math.abs(y - x);
            return PyBool.of(diff <= Math.abs(rel * y) || diff <= Math.abs(rel * x) || diff <= abs);
        });
        put(d, "frexp", (a, k) -> {
            double x = Arith.toDouble(a[0]);
            if (x == 0 || Double.isNaN(x) || Double.isInfinite(x)) {
                return new PyTuple(new PyFloat(x), PyInt.of(0));
            }
            int e = Math.getExponent(x) + 1;
            double mant = x / Math.scalb(1.0, e);
            if (Math.abs(mant) < 0.5) {
                // subnormal
                mant *= 2;
                e--;
                while (Math.abs(mant) < 0.5) {
                    mant *= 2;
                    e--;
                }
            }
            return new PyTuple(new PyFloat(mant), PyInt.of(e));
        });
        put(d, "ldexp", (a, k) -> {
            double r = Math.scalb(Arith.toDouble(a[0]), Ops.asInt(a[1]));
            if (Double.isInfinite(r) && !Double.isInfinite(Arith.toDouble(a[0]))) {
                throw PyErrors.overflow("math range error");
            }
            return new PyFloat(r);
        });
        put(d, "modf", (a, k) -> {
            double x = Arith.toDouble(a[0]);
            double ip = x < 0 ? Math.ceil(x) : Math.floor(x);
            return new PyTuple(new PyFloat(Math.copySign(x - ip, x)), new PyFloat(ip));
        });
        put(d, "gcd", (a, k) -> {
            BigInteger g = BigInteger.ZERO;
            for (PyObject o : a) {
                g = g.gcd(intArg(o).bigValue());
            }
            return PyInt.of(g);
        });
        put(d, "lcm", (a, k) -> {
            BigInteger l = BigInteger.ONE;
            for (PyObject o : a) {
                BigInteger v = intArg(o).bigValue().abs();
                if (v.signum() == 0) {
                    return PyInt.of(0);
                }
                l = l.divide(l.gcd(v)).multiply(v);
            }
            return PyInt.of(l);
        });
        put(d, "factorial", (a, k) -> {
            BArgs.count("factorial", a, k, 1, 1);
            if (a[0] instanceof PyFloat) {
                throw PyErrors.typeError("'float' object cannot be interpreted as an integer");
            }
            long n = Ops.index(a[0]);
            if (n < 0) {
                throw PyErrors.valueError("factorial() not defined for negative values");
            }
            BigInteger r = BigInteger.ONE;
            for (long i = 2; i <= n; i++) {
                r = r.multiply(BigInteger.valueOf(i));
            }
            return PyInt.of(r);
        });
        put(d, "comb", (a, k) -> {
            long n = Ops.index(a[0]);
            long r = Ops.index(a[1]);
            if (n < 0 || r < 0) {
                throw PyErrors.valueError((n < 0 ? "n" : "k") + " must be a non-negative integer");
            }
            if (r > n) {
                return PyInt.of(0);
            }
            r = Math.min(r, n - r);
            BigInteger c = BigInteger.ONE;
            for (long i = 0; i < r; i++) {
                c = c.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
            }
            return PyInt.of(c);
        });
        put(d, "perm", (a, k) -> {
            long n = Ops.index(a[0]);
            long r = a.length > 1 && a[1] != PySingleton.NONE ? Ops.index(a[1]) : n;
            if (n < 0 || r < 0) {
                throw PyErrors.valueError((n < 0 ? "n" : "k") + " must be a non-negative integer");
            }
            if (r > n) {
                return PyInt.of(0);
            }
            BigInteger c = BigInteger.ONE;
            for (long i = 0; i < r; i++) {
                c = c.multiply(BigInteger.valueOf(n - i));
            }
            return PyInt.of(c);
        });
        put(d, "isqrt", (a, k) -> {
            BigInteger n = intArg(a[0]).bigValue();
            if (n.signum() < 0) {
                throw PyErrors.valueError("isqrt() argument must be nonnegative");
            }
            return PyInt.of(n.sqrt());
        });
        put(d, "fsum", (a, k) -> {
            java.math.BigDecimal s = java.math.BigDecimal.ZERO;
            double special = 0;
            boolean hasSpecial = false;
            for (PyObject o : Ops.toList(a[0])) {
                double v = Arith.toDouble(o);
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    special += v;
                    hasSpecial = true;
                } else {
                    s = s.add(new java.math.BigDecimal(v));
                }
            }
            return new PyFloat(hasSpecial ? special : s.doubleValue());
        });
        put(d, "prod", (a, k) -> {
            PyObject acc = PyInt.of(1);
            for (PyObject o : Ops.toList(a[0])) {
                acc = Ops.binary(Arith.MUL, acc, o);
            }
            return acc;
        });
        put(d, "dist", (a, k) -> {
            List<PyObject> p = Ops.toList(a[0]);
            List<PyObject> q = Ops.toList(a[1]);
            double s = 0;
            for (int i = 0; i < p.size(); i++) {
                double diff = Arith.toDouble(p.get(i)) - Arith.toDouble(q.get(i));
                s += diff * diff;
            }
            return new PyFloat(Math.sqrt(s));
        });
        return m;
    }

    private static double logOf(PyObject o) {
        if (o instanceof PyInt i && i.big != null) {
            if (i.big.signum() <= 0) {
                throw domainError();
            }
            int shift = i.big.bitLength() - 60;
            return Math.log(i.big.shiftRight(shift).doubleValue()) + shift * Math.log(2);
        }
        double x = Arith.toDouble(o);
        if (x <= 0) {
            throw domainError();
        }
        return Math.log(x);
    }

    private static PyInt intArg(PyObject o) {
        if (o instanceof PyInt i) {
            return i;
        }
        throw PyErrors.typeError("'" + Ops.typeName(o) + "' object cannot be interpreted as an integer");
    }

    private static PyObject rounding(PyObject x, String dunder, DoubleUnaryOperator f) {
        if (x instanceof PyInt i) {
            return i.asExactInt();
        }
        if (!x.type().isBuiltin()) {
            PyObject m = x.type().lookup(dunder);
            if (m != null) {
                return m.call(new PyObject[] {x}, null);
            }
        }
        return Arith.fromDouble(f.applyAsDouble(Arith.toDouble(x)));
    }

    private static double domain() {
        throw domainError();
    }

    private static PyException domainError() {
        return PyErrors.valueError("math domain error");
    }

    private static double range(double r, double x) {
        if (Double.isInfinite(r) && !Double.isInfinite(x)) {
            throw PyErrors.overflow("math range error");
        }
        return r;
    }

    private static void unary(PyDict d, String name, DoubleUnaryOperator f) {
        put(d, name, (a, k) -> {
            BArgs.count(name, a, k, 1, 1);
            return new PyFloat(f.applyAsDouble(Arith.toDouble(a[0])));
        });
    }
}
