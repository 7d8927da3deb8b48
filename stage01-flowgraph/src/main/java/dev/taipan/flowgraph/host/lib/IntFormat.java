package dev.taipan.flowgraph.host.lib;

import java.math.BigInteger;

/**
 * Python's integer-to-text builtins: {@code str(int)}, {@code hex}, {@code oct}, {@code bin}, and
 * digit strings in any base 2..36 for the formatting classes.
 *
 * <p>{@link #str} refuses, as CPython 3.11 does by default, to write more than
 * {@link IntParsing#MAX_STR_DIGITS} decimal digits (a guard against quadratic-time conversion);
 * the power-of-two bases have no limit.
 */
public final class IntFormat {

    private IntFormat() {}

    /** {@code str(v)}; ValueError beyond 4300 digits (CPython's default limit). */
    public static String str(BigInteger v) {
        return str(v, IntParsing.MAX_STR_DIGITS);
    }

    /** {@code str(v)} under {@code sys.set_int_max_str_digits(maxDigits)} (0: no limit). */
    public static String str(BigInteger v, int maxDigits) {
        String s = v.toString();
        if (maxDigits > 0 && s.length() - (v.signum() < 0 ? 1 : 0) > maxDigits) {
            throw PyLibError.valueError("Exceeds the limit (" + maxDigits
                    + " digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        }
        return s;
    }

    /** {@code hex(v)}: {@code 0x1f}, {@code -0x1f}. */
    public static String hex(BigInteger v) {
        return prefixed(v, "0x", 16);
    }

    /** {@code oct(v)}: {@code 0o17}, {@code -0o17}. */
    public static String oct(BigInteger v) {
        return prefixed(v, "0o", 8);
    }

    /** {@code bin(v)}: {@code 0b101}, {@code -0b101}. */
    public static String bin(BigInteger v) {
        return prefixed(v, "0b", 2);
    }

    private static String prefixed(BigInteger v, String prefix, int base) {
        String digits = v.abs().toString(base);
        return v.signum() < 0 ? "-" + prefix + digits : prefix + digits;
    }

    /** The digits of {@code |v|} in {@code base} (2..36), lowercase, no sign, no prefix; base 10
     *  is subject to the digit limit of {@link #str}. */
    public static String digits(BigInteger v, int base) {
        if (base < 2 || base > 36) {
            throw new IllegalArgumentException("base " + base);
        }
        return base == 10 ? str(v.abs()) : v.abs().toString(base);
    }
}
