package dev.taipan.flowgraph.syntax;

import java.math.BigInteger;

/**
 * The value of a NUMBER token whose spelling the {@link Lexer} has already checked. Python ints
 * are unbounded; Taipan keeps the common case in a {@code Long} and falls back to
 * {@code BigInteger} only when a literal does not fit 64 bits, because translation must tell
 * machine-word constants from longer ones anyway (RPy ints are machine words).
 */
final class NumberLiteral {

    private NumberLiteral() {}

    /**
     * The int spelled by the digits {@code s[from..to)} in {@code radix}; underscores (already
     * known to stand between digits) are skipped.
     */
    static Number integer(char[] s, int from, int to, int radix) {
        long limit = Long.MAX_VALUE / radix;
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c == '_') {
                continue;
            }
            int d = Character.digit(c, radix);
            if (value > limit || value * radix > Long.MAX_VALUE - d) {
                return new BigInteger(withoutUnderscores(s, from, to), radix);
            }
            value = value * radix + d;
        }
        return value;
    }

    /** The float spelled by {@code s[from..to)}: Java's and Python's decimal float syntax agree. */
    static Double decimalFloat(char[] s, int from, int to) {
        return Double.parseDouble(withoutUnderscores(s, from, to));
    }

    private static String withoutUnderscores(char[] s, int from, int to) {
        StringBuilder sb = new StringBuilder(to - from);
        for (int i = from; i < to; i++) {
            if (s[i] != '_') {
                sb.append(s[i]);
            }
        }
        return sb.toString();
    }
}
