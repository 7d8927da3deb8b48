package dev.taipan.flowgraph.host.lib;

import dev.taipan.flowgraph.syntax.PyRepr;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * Python's float-to-text conversions and {@code round}.
 *
 * <p>{@link #repr} is the shortest string that reads back as the same double ({@link PyRepr}
 * does the work). {@link #format} is the engine of {@code '%e' % x}, {@code '%f'} and
 * {@code '%g'}, and of the same types in {@code format(x, spec)}: the exact binary value of the
 * double is rounded to the requested digits with round-half-even, which is what CPython's
 * correctly-rounded {@code dtoa} does (so {@code '%.1f' % 0.25 == '0.2'} but
 * {@code '%.1f' % 0.35 == '0.3'}, since 0.35 is really 0.34999...). {@link BigDecimal} holds the
 * exact value: every finite double is a finite decimal fraction.
 */
public final class FloatFormat {

    private FloatFormat() {}

    /** {@code repr(v)}. */
    public static String repr(double v) {
        return PyRepr.floatRepr(v);
    }

    /** {@code str(v)}: the same as repr since Python 3.2. */
    public static String str(double v) {
        return PyRepr.floatRepr(v);
    }

    /**
     * {@code '%' + (alternate ? "#" : "") + "." + precision + conv} applied to {@code v}, without
     * width or flags: {@code conv} is one of {@code e E f F g G}; {@code precision < 0} means the
     * default 6; {@code alternate} keeps the decimal point (and, for g, the trailing zeros).
     * Negative values, including {@code -0.0}, get a minus sign; a NaN never does.
     */
    public static String format(double v, char conv, int precision, boolean alternate) {
        String body = formatAbs(Math.abs(v), conv, precision < 0 ? 6 : precision, alternate);
        return isNegative(v) ? "-" + body : body;
    }

    /** True for negative numbers and -0.0; false for every NaN, as CPython prints them. */
    static boolean isNegative(double v) {
        return !Double.isNaN(v) && (v < 0 || v == 0 && 1 / v < 0);
    }

    /** The text of a non-negative (or NaN) value; {@code conv} as in {@link #format}. */
    static String formatAbs(double abs, char conv, int precision, boolean alternate) {
        boolean upper = Character.isUpperCase(conv);
        if (Double.isNaN(abs)) {
            return upper ? "NAN" : "nan";
        }
        if (Double.isInfinite(abs)) {
            return upper ? "INF" : "inf";
        }
        String s = switch (Character.toLowerCase(conv)) {
            case 'e' -> exponent(abs, precision, alternate);
            case 'f' -> fixed(abs, precision, alternate);
            case 'g' -> general(abs, precision, alternate, false);
            default -> throw new IllegalArgumentException("conversion " + conv);
        };
        return upper ? s.toUpperCase(java.util.Locale.ROOT) : s;
    }

    /** {@code %.Nf}: N digits after the point. */
    static String fixed(double abs, int precision, boolean alternate) {
        String s = new BigDecimal(abs).setScale(precision, RoundingMode.HALF_EVEN).toPlainString();
        return precision == 0 && alternate ? s + "." : s;
    }

    /** {@code %.Ne}: one digit, point, N digits, {@code e}, sign, at least two exponent digits. */
    static String exponent(double abs, int precision, boolean alternate) {
        Digits d = Digits.of(abs, precision + 1);
        StringBuilder sb = new StringBuilder(precision + 8).append(d.digits.charAt(0));
        if (precision > 0 || alternate) {
            sb.append('.');
        }
        sb.append(d.digits, 1, d.digits.length());
        return appendExponent(sb, d.exponent).toString();
    }

    static StringBuilder appendExponent(StringBuilder sb, int exponent) {
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int e = Math.abs(exponent);
        if (e < 10) {
            sb.append('0');
        }
        return sb.append(e);
    }

    /**
     * {@code %.Ng}: round to N significant digits (N = 0 counts as 1); with the decimal exponent X
     * of the rounded value, fixed notation if {@code -4 <= X < N} (with {@code addDot0}, the
     * variant of {@code format(x, '.N')}, only if {@code X < N - 1}), else exponent notation; then
     * trailing zeros and a trailing point are removed unless {@code alternate}. With
     * {@code addDot0} an integral fixed result keeps {@code .0}.
     */
    static String general(double abs, int precision, boolean alternate, boolean addDot0) {
        int p = precision == 0 ? 1 : precision;
        Digits d = Digits.of(abs, p);
        int x = d.exponent;
        boolean useExp = x < -4 || x >= (addDot0 ? p - 1 : p);
        String s = useExp ? exponent(abs, p - 1, alternate) : fixed(abs, p - 1 - x, alternate);
        if (!alternate) {
            s = stripZeros(s);
            if (addDot0 && s.indexOf('.') < 0 && s.indexOf('e') < 0) {
                s += ".0";
            }
        } else if (s.indexOf('.') < 0) {
            int e = s.indexOf('e');
            s = e < 0 ? s + "." : s.substring(0, e) + "." + s.substring(e);
        }
        return s;
    }

    /** Removes the trailing zeros of the fraction, and the point if nothing is left after it. */
    private static String stripZeros(String s) {
        int e = s.indexOf('e');
        String mantissa = e < 0 ? s : s.substring(0, e);
        String exp = e < 0 ? "" : s.substring(e);
        if (mantissa.indexOf('.') >= 0) {
            int end = mantissa.length();
            while (mantissa.charAt(end - 1) == '0') {
                end--;
            }
            if (mantissa.charAt(end - 1) == '.') {
                end--;
            }
            mantissa = mantissa.substring(0, end);
        }
        return mantissa + exp;
    }

    /** {@code digits} (exactly n significant digits of the rounded value) times 10^(exponent - n + 1). */
    record Digits(String digits, int exponent) {
        static Digits of(double abs, int n) {
            if (abs == 0) {
                return new Digits("0".repeat(n), 0);
            }
            BigDecimal r = new BigDecimal(abs).round(new MathContext(n, RoundingMode.HALF_EVEN));
            String unscaled = r.unscaledValue().toString();
            int exponent = unscaled.length() - 1 - r.scale();
            if (unscaled.length() < n) {
                unscaled = unscaled + "0".repeat(n - unscaled.length());
            } else if (unscaled.length() > n) {
                unscaled = unscaled.substring(0, n);   // only trailing zeros are cut
            }
            return new Digits(unscaled, exponent);
        }
    }

    /**
     * {@code round(x, ndigits)}: the exact value rounded half-even to {@code ndigits} decimal
     * places (negative: tens, hundreds, ...), then the nearest double. Infinities, NaN and zeros
     * come back unchanged; a zero result keeps the sign of {@code x}. OverflowError
     * {@code rounded value too large to represent} when rounding up overflows.
     */
    public static double round(double x, long ndigits) {
        if (!Double.isFinite(x) || x == 0) {
            return x;
        }
        if (ndigits > 323) {          // beyond the last digit of the smallest subnormal
            return x;
        }
        if (ndigits < -308) {         // above the largest double
            return Math.copySign(0.0, x);
        }
        double y = new BigDecimal(x).setScale((int) ndigits, RoundingMode.HALF_EVEN).doubleValue();
        if (Double.isInfinite(y)) {
            throw PyLibError.overflowError("rounded value too large to represent");
        }
        return y == 0 ? Math.copySign(0.0, x) : y;
    }

    /** {@code round(x)} with no ndigits: the nearest int, ties to even. */
    public static BigInteger roundToInt(double x) {
        checkIntegral(x);
        return new BigDecimal(x).setScale(0, RoundingMode.HALF_EVEN).toBigIntegerExact();
    }

    /** {@code int(x)}: truncation toward zero. ValueError for NaN, OverflowError for infinities. */
    public static BigInteger toInt(double x) {
        checkIntegral(x);
        return new BigDecimal(x).toBigInteger();
    }

    private static void checkIntegral(double x) {
        if (Double.isNaN(x)) {
            throw PyLibError.valueError("cannot convert float NaN to integer");
        }
        if (Double.isInfinite(x)) {
            throw PyLibError.overflowError("cannot convert float infinity to integer");
        }
    }

    /** {@code float(v)} for an int: the nearest double (ties to even); OverflowError
     *  {@code int too large to convert to float}. */
    public static double fromInt(BigInteger v) {
        double d = v.doubleValue();
        if (Double.isInfinite(d)) {
            throw PyLibError.overflowError("int too large to convert to float");
        }
        return d;
    }
}
