package dev.taipan.flowgraph.host.lib;

/**
 * Python's {@code float(str)} as CPython 3.11 reads it: surrounding whitespace; an optional sign;
 * then {@code inf}, {@code infinity} or {@code nan} in any case, or a decimal number with an
 * optional fraction ({@code 5.}, {@code .5}) and exponent; Unicode decimal digits count as ASCII
 * ones; an underscore is allowed only between two digits ({@code 1_000.000_1e1_0}).
 *
 * <p>The grammar is checked here; the digits are then converted by {@link Double#parseDouble},
 * which is correctly rounded, as CPython's {@code dtoa} is, so the results agree bit for bit.
 * (Java's own grammar is wider: it takes {@code 1d}, hex floats and {@code NaN} only in that
 * spelling, which is why it is not used to decide what a float literal is.)
 *
 * <p>Error: ValueError {@code could not convert string to float: 'x'} (repr of the original).
 */
public final class FloatParsing {

    private FloatParsing() {}

    /** {@code float(s)}. */
    public static double parse(String s) {
        String t = IntParsing.toAscii(s).strip();
        if (t.indexOf('_') >= 0) {
            t = removeUnderscores(t, s);
        }
        int i = 0;
        boolean negative = false;
        if (i < t.length() && (t.charAt(i) == '+' || t.charAt(i) == '-')) {
            negative = t.charAt(i) == '-';
            i++;
        }
        String body = t.substring(i);
        double value;
        if (body.equalsIgnoreCase("inf") || body.equalsIgnoreCase("infinity")) {
            value = Double.POSITIVE_INFINITY;
        } else if (body.equalsIgnoreCase("nan")) {
            value = Double.NaN;
        } else if (isDecimal(body)) {
            value = Double.parseDouble(body);
        } else {
            throw invalid(s);
        }
        return negative ? -value : value;
    }

    /** digits [. [digits]] | . digits, then optionally e|E [sign] digits. */
    private static boolean isDecimal(String b) {
        int i = 0;
        int n = b.length();
        int intDigits = 0;
        while (i < n && isDigit(b.charAt(i))) {
            i++;
            intDigits++;
        }
        int fracDigits = 0;
        if (i < n && b.charAt(i) == '.') {
            i++;
            while (i < n && isDigit(b.charAt(i))) {
                i++;
                fracDigits++;
            }
        }
        if (intDigits + fracDigits == 0) {
            return false;
        }
        if (i < n && (b.charAt(i) == 'e' || b.charAt(i) == 'E')) {
            i++;
            if (i < n && (b.charAt(i) == '+' || b.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && isDigit(b.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Drops underscores that stand between two digits; any other underscore is an error. */
    private static String removeUnderscores(String t, String original) {
        StringBuilder sb = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c != '_') {
                sb.append(c);
            } else if (i == 0 || i + 1 == t.length() || !isDigit(t.charAt(i - 1)) || !isDigit(t.charAt(i + 1))) {
                throw invalid(original);
            }
        }
        return sb.toString();
    }

    private static PyLibError invalid(String s) {
        return PyLibError.valueError("could not convert string to float: " + dev.taipan.flowgraph.syntax.PyRepr.str(s));
    }
}
