package dev.taipan.flowgraph.host.lib;

import dev.taipan.flowgraph.syntax.PyRepr;
import java.math.BigInteger;

/**
 * Python's {@code int(str, base)}, exactly as CPython 3.11 reads it:
 *
 * <ul>
 *   <li>surrounding whitespace (Python's, which includes {@code \x1c..\x1f} and the Unicode
 *       spaces) is ignored, then an optional sign, then the digits;</li>
 *   <li>any Unicode decimal digit (category Nd) counts as the ASCII digit of the same value;</li>
 *   <li>single underscores may separate digits, and one may follow a base prefix;</li>
 *   <li>base 0 reads the base from the prefix ({@code 0x 0o 0b}, any case), else decimal, where a
 *       leading zero is allowed only if the whole number is zero ({@code 010} is rejected);</li>
 *   <li>with base 16, 8 or 2 the matching prefix is also accepted ({@code int('0x1f', 16)});</li>
 *   <li>a decimal (non power-of-two base) literal of more than 4300 digits is refused, as
 *       CPython 3.11's default {@code sys.get_int_max_str_digits()}; {@link #parse(String, int, int)}
 *       takes another limit (0 for none).</li>
 * </ul>
 *
 * Errors: ValueError {@code invalid literal for int() with base 10: 'abc'} (the repr of the
 * original string, cut at 200 characters as CPython's {@code %.200R}) and
 * {@code int() base must be >= 2 and <= 36, or 0}.
 */
public final class IntParsing {

    /** CPython 3.11's default {@code sys.get_int_max_str_digits()}. */
    public static final int MAX_STR_DIGITS = 4300;

    private IntParsing() {}

    /** {@code int(s, base)}. */
    public static BigInteger parse(String s, int base) {
        return parse(s, base, MAX_STR_DIGITS);
    }

    /** {@code int(s)}. */
    public static BigInteger parse(String s) {
        return parse(s, 10);
    }

    /** {@code int(s, base)} under {@code sys.set_int_max_str_digits(maxDigits)} (0: no limit). */
    public static BigInteger parse(String s, int base, int maxDigits) {
        if (base != 0 && (base < 2 || base > 36)) {
            throw PyLibError.valueError("int() base must be >= 2 and <= 36, or 0");
        }
        String t = toAscii(s).strip();
        int i = 0;
        boolean negative = false;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        int radix = base;
        boolean mustBeZero = false;
        if (base == 0) {
            radix = prefixBase(t, i);
            if (radix == 0) {
                radix = 10;
                mustBeZero = i < t.length() && t.charAt(i) == '0';
            }
        }
        if (radix != 10 && prefixBase(t, i) == radix) {
            i += 2;
            if (i < t.length() && t.charAt(i) == '_') {
                i++;   // one underscore may follow the prefix
            }
        }
        StringBuilder digits = new StringBuilder(t.length() - i);
        char prev = '_';   // so that a leading underscore is rejected
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '_') {
                if (prev == '_') {
                    throw invalid(s, base);
                }
            } else if (digitValue(c) < radix) {
                digits.append(c);
            } else {
                throw invalid(s, base);
            }
            prev = c;
        }
        if (digits.isEmpty() || prev == '_') {
            throw invalid(s, base);
        }
        if (Integer.bitCount(radix) != 1 && maxDigits > 0 && digits.length() > maxDigits) {
            throw PyLibError.valueError("Exceeds the limit (" + maxDigits + " digits) for integer string conversion: value has "
                    + digits.length() + " digits; use sys.set_int_max_str_digits() to increase the limit");
        }
        BigInteger value = new BigInteger(digits.toString(), radix);
        if (mustBeZero && value.signum() != 0) {
            throw invalid(s, base);
        }
        return negative ? value.negate() : value;
    }

    /** 16, 8 or 2 if {@code t} has a {@code 0x}/{@code 0o}/{@code 0b} prefix at {@code i}, else 0. */
    private static int prefixBase(String t, int i) {
        if (i + 1 >= t.length() || t.charAt(i) != '0') {
            return 0;
        }
        return switch (t.charAt(i + 1)) {
            case 'x', 'X' -> 16;
            case 'o', 'O' -> 8;
            case 'b', 'B' -> 2;
            default -> 0;
        };
    }

    /** The value of an ASCII digit or letter (36 for anything else). */
    static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        } else if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        } else if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return 36;
    }

    private static PyLibError invalid(String s, int base) {
        return PyLibError.valueError("invalid literal for int() with base " + base + ": " + truncatedRepr(s, 200));
    }

    /** CPython's {@code %.200R}: the repr, cut after so many characters. */
    static String truncatedRepr(String s, int max) {
        String r = PyRepr.str(s);
        return r.codePointCount(0, r.length()) <= max ? r : r.substring(0, r.offsetByCodePoints(0, max));
    }

    /**
     * What CPython does before reading a number out of a str: ASCII stays, Python whitespace
     * becomes a space, a Unicode decimal digit becomes its ASCII digit, and anything else becomes
     * {@code '?'} (which no number grammar accepts).
     */
    static String toAscii(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x7f;
        }
        if (ascii) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x7f) {
                sb.append((char) cp);
            } else if (StrMethods.isSpace(cp)) {
                sb.append(' ');
            } else if (Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                sb.append((char) ('0' + Character.digit(cp, 10)));
            } else {
                sb.append('?');
            }
        }
        return sb.toString();
    }
}
