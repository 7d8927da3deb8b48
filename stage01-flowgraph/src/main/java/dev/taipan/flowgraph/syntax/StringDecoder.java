package dev.taipan.flowgraph.syntax;

import dev.taipan.flowgraph.SourceFile;

/**
 * Processes the backslash escapes of a non-raw {@code str} or {@code bytes} literal body (the
 * text between the quotes), as the Python language reference's table of escape sequences says.
 *
 * <p>Two details follow CPython rather than taste. An unknown escape such as {@code \d} keeps
 * its backslash (CPython only warns), because real code, regular expressions above all, relies
 * on it. And a bad escape is reported with CPython's own words, codec positions included: for
 * {@code str} CPython first rewrites every non-ASCII character as a ten-byte backslash-U escape
 * and then runs the {@code unicode_escape} codec, so the "position" in its message counts those
 * characters as ten; {@link #codecOffset} reproduces that.
 */
final class StringDecoder {

    private final char[] s;
    private final int from;
    private final int to;
    private final boolean bytes;
    private final SourceFile src;
    private final Pos where;
    private final StringBuilder out;

    private StringDecoder(char[] s, int from, int to, boolean bytes, SourceFile src, Pos where) {
        this.s = s;
        this.from = from;
        this.to = to;
        this.bytes = bytes;
        this.src = src;
        this.where = where;
        this.out = new StringBuilder(to - from);
    }

    /**
     * The decoded body {@code s[from..to)}; for bytes, one char 0..255 per byte. Errors are
     * reported at {@code where}, the whole literal, as CPython reports them after tokenizing.
     */
    static String decode(char[] s, int from, int to, boolean bytes, SourceFile src, Pos where) {
        return new StringDecoder(s, from, to, bytes, src, where).run();
    }

    private String run() {
        int run = from;
        int i = from;
        while (i < to) {
            if (s[i] != '\\') {
                i++;
                continue;
            }
            out.append(s, run, i - run);
            i = escape(i);
            run = i;
        }
        out.append(s, run, to - run);
        return out.toString();
    }

    /** Decodes the escape whose backslash is at {@code bs}; returns the index after it. */
    private int escape(int bs) {
        int i = bs + 1;
        char c = i < to ? s[i] : '\0';
        switch (c) {
            case '\n' -> { }  // backslash-newline: the literal continues on the next line
            case '\\', '\'', '"' -> out.append(c);
            case 'a' -> out.append('\u0007');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'n' -> out.append('\n');
            case 'r' -> out.append('\r');
            case 't' -> out.append('\t');
            case 'v' -> out.append('\u000b');
            case '0', '1', '2', '3', '4', '5', '6', '7' -> {
                return octal(i);
            }
            case 'x' -> {
                return hex(bs, 2, "truncated \\xXX escape");
            }
            case 'u', 'U', 'N' -> {
                if (bytes) {
                    out.append('\\');
                    return i;  // not an escape in bytes: keep the backslash, then the letter
                }
                return c == 'N' ? named(bs) : hex(bs, c == 'u' ? 4 : 8,
                        c == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape");
            }
            default -> {
                out.append('\\');
                return i;  // unknown escape (or a trailing backslash): kept as written
            }
        }
        return i + 1;
    }

    /** {@code \ooo}: one to three octal digits; bytes keep the low eight bits, as CPython does. */
    private int octal(int i) {
        int value = 0;
        int end = Math.min(i + 3, to);
        while (i < end && s[i] >= '0' && s[i] <= '7') {
            value = value * 8 + (s[i++] - '0');
        }
        out.append((char) (bytes ? value & 0xFF : value));
        return i;
    }

    /** The x, u and U escapes: exactly {@code n} hex digits after the letter. */
    private int hex(int bs, int n, String truncated) {
        int i = bs + 2;
        int value = 0;
        while (i < to && i < bs + 2 + n && Character.digit(s[i], 16) >= 0) {
            value = value * 16 + Character.digit(s[i++], 16);
        }
        if (i < bs + 2 + n) {
            throw bytes
                    ? error("(value error) invalid \\x escape at position " + (bs - from))
                    : codecError(bs, i - 1, truncated);
        }
        if (value > Character.MAX_CODE_POINT) {
            throw codecError(bs, i - 1, "illegal Unicode character");
        }
        out.appendCodePoint(value);
        return i;
    }

    /** {@code \N{LATIN SMALL LETTER A}}: a character by its Unicode name. */
    private int named(int bs) {
        int open = bs + 2;
        if (open >= to || s[open] != '{') {
            throw codecError(bs, bs + 1, "malformed \\N character escape");
        }
        int close = open + 1;
        while (close < to && s[close] != '}') {
            close++;
        }
        if (close >= to || close == open + 1) {  // CPython's codec blames up to the brace
            throw codecError(bs, close - 1, "malformed \\N character escape");
        }
        try {
            out.appendCodePoint(Character.codePointOf(new String(s, open + 1, close - open - 1)));
        } catch (IllegalArgumentException e) {
            throw codecError(bs, close, "unknown Unicode character name");
        }
        return close + 1;
    }

    private SyntaxError codecError(int first, int last, String reason) {
        return error("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                + codecOffset(first) + "-" + codecOffset(last) + ": " + reason);
    }

    /** Where body index {@code i} lands once every earlier non-ASCII code point is ten bytes. */
    private int codecOffset(int i) {
        int offset = 0;
        for (int k = from; k < i; k++) {
            if (s[k] < 0x80) {
                offset++;
            } else if (!Character.isLowSurrogate(s[k])) {
                offset += 10;
            }
        }
        return offset;
    }

    private SyntaxError error(String message) {
        return new SyntaxError(message, src, where);
    }
}
