package dev.taipan.flowgraph.host.lib;

import java.math.BigInteger;

/**
 * Python's format-spec mini-language, {@code format(value, spec)} and the part after the colon
 * in {@code f'{x:spec}'} and {@code str.format}:
 *
 * <pre>  [[fill]align][sign][z][#][0][width][grouping][.precision][type]</pre>
 *
 * {@link #parse} reads a spec into a record, with the checks CPython makes before it knows the
 * value's type; {@link #formatInt}, {@link #formatFloat} and {@link #formatStr} apply it with
 * the checks and the layout of {@code int.__format__}, {@code float.__format__} and
 * {@code str.__format__} in CPython 3.11, error messages included. The locale is "C", so type
 * {@code n} groups nothing (it is {@code d} for ints, {@code g} for floats).
 *
 * <p>Layout: sign, prefix ({@code 0x}...), digits, and the rest (point, fraction, exponent,
 * {@code %}) are padded to the width by the fill according to the alignment: {@code <} left,
 * {@code >} right, {@code ^} centre (the extra fill char goes right), {@code =} between sign and
 * digits. A {@code 0} before the width means fill {@code 0} and align {@code =} (for numbers);
 * then, as in CPython, the padding zeros take part in the digit grouping, so
 * {@code format(1234, '08,')} is {@code '0,001,234'}: one char wider, since a group separator
 * may not lead.
 */
public final class FormatSpec {

    /**
     * A parsed spec. {@code fill} is a code point, {@code align}/{@code sign}/{@code grouping}/
     * {@code type} are {@code '\0'} when absent, {@code width}/{@code precision} are -1.
     */
    public record Spec(int fill, char align, char sign, boolean noNegativeZero, boolean alternate,
                       int width, char grouping, int precision, char type) {}

    private FormatSpec() {}

    /** Reads a spec; the alignment defaults to {@code defaultAlign} ({@code '>'} numbers,
     *  {@code '<'} strings), which decides what a leading {@code 0} does, and the type to
     *  {@code defaultType} ({@code 's'} for str, {@code '\0'} otherwise). */
    public static Spec parse(String spec, char defaultAlign, char defaultType, String typeName) {
        int n = spec.length();
        int pos = 0;
        int fill = ' ';
        boolean fillGiven = false;
        char align = defaultAlign;
        boolean alignGiven = false;
        int firstLen = n == 0 ? 0 : Character.charCount(spec.codePointAt(0));
        if (n > firstLen && isAlign(spec.charAt(firstLen))) {
            fill = spec.codePointAt(0);
            fillGiven = true;
            align = spec.charAt(firstLen);
            alignGiven = true;
            pos = firstLen + 1;
        } else if (n > 0 && isAlign(spec.charAt(0))) {
            align = spec.charAt(0);
            alignGiven = true;
            pos = 1;
        }
        char sign = '\0';
        if (pos < n && (spec.charAt(pos) == '+' || spec.charAt(pos) == '-' || spec.charAt(pos) == ' ')) {
            sign = spec.charAt(pos++);
        }
        boolean z = false;
        if (pos < n && spec.charAt(pos) == 'z') {
            z = true;
            pos++;
        }
        boolean alternate = false;
        if (pos < n && spec.charAt(pos) == '#') {
            alternate = true;
            pos++;
        }
        if (!fillGiven && pos < n && spec.charAt(pos) == '0') {
            fill = '0';
            if (!alignGiven && defaultAlign == '>') {
                align = '=';
            }
            pos++;
        }
        int start = pos;
        pos = skipDigits(spec, pos);
        int width = readInt(spec, start, pos);
        char grouping = '\0';
        if (pos < n && spec.charAt(pos) == ',') {
            grouping = ',';
            pos++;
        }
        if (pos < n && spec.charAt(pos) == '_') {
            if (grouping != '\0') {
                throw PyLibError.valueError("Cannot specify both ',' and '_'.");
            }
            grouping = '_';
            pos++;
        }
        if (pos < n && spec.charAt(pos) == ',' && grouping == '_') {
            throw PyLibError.valueError("Cannot specify both ',' and '_'.");
        }
        int precision = -1;
        if (pos < n && spec.charAt(pos) == '.') {
            start = ++pos;
            pos = skipDigits(spec, pos);
            if (pos == start) {
                throw PyLibError.valueError("Format specifier missing precision");
            }
            precision = readInt(spec, start, pos);
        }
        if (n - pos > 1) {
            throw PyLibError.valueError("Invalid format specifier " + IntParsing.truncatedRepr(spec, Integer.MAX_VALUE)
                    + " for object of type '" + typeName + "'");
        }
        char type = pos < n ? spec.charAt(pos) : defaultType;
        if (grouping != '\0') {
            checkGrouping(grouping, type);
        }
        return new Spec(fill, align, sign, z, alternate, width, grouping, precision, type);
    }

    private static boolean isAlign(char c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    private static int skipDigits(String s, int pos) {
        while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
            pos++;
        }
        return pos;
    }

    private static int readInt(String s, int start, int end) {
        if (start == end) {
            return -1;
        }
        long v = 0;
        for (int i = start; i < end; i++) {
            v = v * 10 + (s.charAt(i) - '0');
            if (v > Integer.MAX_VALUE) {
                throw PyLibError.valueError("Too many decimal digits in format string");
            }
        }
        return (int) v;
    }

    private static void checkGrouping(char grouping, char type) {
        switch (type) {
            case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', '\0' -> { }
            case 'b', 'o', 'x', 'X' -> {
                if (grouping != '_') {
                    throw badGrouping(grouping, type);
                }
            }
            default -> throw badGrouping(grouping, type);
        }
    }

    private static PyLibError badGrouping(char grouping, char type) {
        String t = type > 32 && type < 127 ? String.valueOf(type) : "\\x" + Integer.toHexString(type);
        return PyLibError.valueError("Cannot specify '" + grouping + "' with '" + t + "'.");
    }

    private static PyLibError unknownCode(char type, String typeName) {
        String t = type > 32 && type < 127 ? String.valueOf(type) : "\\x" + Integer.toHexString(type);
        return PyLibError.valueError("Unknown format code '" + t + "' for object of type '" + typeName + "'");
    }

    // ------------------------------------------------------------------ str

    /** {@code format(v, spec)} for a str: alignment, width and {@code .precision} truncation. */
    public static String formatStr(String v, String spec) {
        if (spec.isEmpty()) {
            return v;
        }
        Spec s = parse(spec, '<', 's', "str");
        if (s.type != 's' && s.type != '\0') {
            throw unknownCode(s.type, "str");
        }
        if (s.sign == ' ') {
            throw PyLibError.valueError("Space not allowed in string format specifier");
        }
        if (s.sign != '\0') {
            throw PyLibError.valueError("Sign not allowed in string format specifier");
        }
        if (s.noNegativeZero) {
            throw PyLibError.valueError("Negative zero coercion (z) not allowed in string format specifier");
        }
        if (s.alternate) {
            throw PyLibError.valueError("Alternate form (#) not allowed in string format specifier");
        }
        if (s.align == '=') {
            throw PyLibError.valueError("'=' alignment not allowed in string format specifier");
        }
        if (s.precision >= 0 && v.codePointCount(0, v.length()) > s.precision) {
            v = v.substring(0, v.offsetByCodePoints(0, s.precision));
        }
        return pad(v, s);
    }

    /** Pads a finished text to the width by the alignment ({@code =} is treated as {@code >}). */
    private static String pad(String text, Spec s) {
        int padding = s.width - length(text);
        if (padding <= 0) {
            return text;
        }
        String fill = Character.toString(s.fill);
        return switch (s.align) {
            case '<' -> text + fill.repeat(padding);
            case '^' -> fill.repeat(padding / 2) + text + fill.repeat(padding - padding / 2);
            default -> fill.repeat(padding) + text;
        };
    }

    // ------------------------------------------------------------------ int

    /** {@code format(v, spec)} for an int (or bool, as its value): types b c d o x X n, none, and
     *  the float types e E f F g G %, which convert the int to float first. */
    public static String formatInt(BigInteger v, String spec) {
        Spec s = parse(spec, '>', '\0', "int");
        switch (s.type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', '%' -> {
                return formatFloat(FloatFormat.fromInt(v), s);
            }
            case 'b', 'c', 'd', 'o', 'x', 'X', 'n', '\0' -> { }
            default -> throw unknownCode(s.type, "int");
        }
        if (s.precision >= 0) {
            throw PyLibError.valueError("Precision not allowed in integer format specifier");
        }
        if (s.noNegativeZero) {
            throw PyLibError.valueError("Negative zero coercion (z) not allowed in integer format specifier");
        }
        if (s.type == 'c') {
            if (s.sign != '\0') {
                throw PyLibError.valueError("Sign not allowed with integer format specifier 'c'");
            }
            if (s.alternate) {
                throw PyLibError.valueError("Alternate form (#) not allowed with integer format specifier 'c'");
            }
            if (v.bitLength() > 63) {
                throw PyLibError.overflowError("Python int too large to convert to C long");
            }
            return layout("", "", Character.toString(PercentFormat.codePoint(v)), "", s, 0);
        }
        int base = switch (s.type) {
            case 'b' -> 2;
            case 'o' -> 8;
            case 'x', 'X' -> 16;
            default -> 10;
        };
        String digits = IntFormat.digits(v, base);
        String prefix = "";
        if (s.alternate && base != 10) {
            prefix = switch (s.type) {
                case 'b' -> "0b";
                case 'o' -> "0o";
                case 'X' -> "0X";
                default -> "0x";
            };
        }
        if (s.type == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        return layout(sign(v.signum() < 0, s.sign), prefix, digits, "", s, base == 10 ? 3 : 4);
    }

    private static String sign(boolean negative, char signOption) {
        if (negative) {
            return "-";
        }
        return signOption == '+' ? "+" : signOption == ' ' ? " " : "";
    }

    // ------------------------------------------------------------------ float

    /** {@code format(v, spec)} for a float: types e E f F g G n % and none (repr when there is no
     *  precision; with one, like g but integral values keep {@code .0} and exponent notation
     *  starts one digit earlier). */
    public static String formatFloat(double v, String spec) {
        if (spec.isEmpty()) {
            return FloatFormat.repr(v);
        }
        return formatFloat(v, parse(spec, '>', '\0', "float"));
    }

    private static String formatFloat(double v, Spec s) {
        char type = s.type;
        switch (type) {
            case 'e', 'E', 'f', 'F', 'g', 'G', 'n', '%', '\0' -> { }
            default -> throw unknownCode(type, "float");
        }
        double x = type == '%' ? v * 100 : v;
        double abs = Math.abs(x);
        boolean upper = type == 'E' || type == 'F' || type == 'G';
        String body;
        if (!Double.isFinite(x)) {
            body = Double.isNaN(x) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        } else if (type == '\0' && s.precision < 0) {
            body = FloatFormat.repr(abs);
            if (s.alternate && body.indexOf('.') < 0) {
                int e = body.indexOf('e');
                body = body.substring(0, e) + "." + body.substring(e);
            }
        } else if (type == '\0') {
            body = FloatFormat.general(abs, s.precision, s.alternate, true);
        } else {
            char conv = switch (type) {
                case 'n' -> 'g';
                case '%' -> 'f';
                default -> type;
            };
            body = FloatFormat.formatAbs(abs, conv, s.precision < 0 ? 6 : s.precision, s.alternate);
        }
        boolean negative = FloatFormat.isNegative(x);
        if (negative && s.noNegativeZero && isZero(body)) {
            negative = false;
        }
        String rest = type == '%' ? "%" : "";
        int intEnd = 0;
        while (intEnd < body.length() && Character.isDigit(body.charAt(intEnd))) {
            intEnd++;
        }
        return layout(sign(negative, s.sign), "", body.substring(0, intEnd), body.substring(intEnd) + rest, s,
                Double.isFinite(x) ? 3 : 0);
    }

    /** Whether a formatted finite number has only zero digits (before any exponent). */
    private static boolean isZero(String body) {
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == 'e' || c == 'E') {
                break;
            }
            if (c >= '1' && c <= '9') {
                return false;
            }
            if (c != '0' && c != '.') {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ layout

    /**
     * Assembles sign + prefix + grouped integer digits + rest and pads it to the width. With
     * fill {@code 0} and align {@code =}, the digits themselves are zero-padded (and grouped), as
     * CPython does. {@code groupSize} 0: the "digits" are a character or inf/nan, never grouped.
     * Widths count code points, as Python's do.
     */
    private static String layout(String sign, String prefix, String intDigits, String rest, Spec s, int groupSize) {
        int minWidth = s.fill == '0' && s.align == '=' ? s.width - sign.length() - prefix.length() - length(rest) : 0;
        String digits = s.grouping == '\0' || groupSize == 0
                ? zeroPad(intDigits, minWidth)
                : group(intDigits, groupSize, s.grouping, minWidth);
        String number = digits + rest;
        int padding = s.width - sign.length() - prefix.length() - length(number);
        if (padding <= 0) {
            return sign + prefix + number;
        }
        String fill = Character.toString(s.fill);
        return switch (s.align) {
            case '<' -> sign + prefix + number + fill.repeat(padding);
            case '^' -> fill.repeat(padding / 2) + sign + prefix + number + fill.repeat(padding - padding / 2);
            case '=' -> sign + prefix + fill.repeat(padding) + number;
            default -> fill.repeat(padding) + sign + prefix + number;
        };
    }

    private static String zeroPad(String digits, int minWidth) {
        int len = length(digits);
        return len >= minWidth ? digits : "0".repeat(minWidth - len) + digits;
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Inserts a separator every {@code size} digits from the right. While the result is shorter
     * than {@code minWidth}, groups are filled up with zeros; a group never starts with the
     * separator, so the result can exceed {@code minWidth} by one.
     */
    static String group(String digits, int size, char separator, int minWidth) {
        StringBuilder out = new StringBuilder();   // built reversed
        int remaining = digits.length();
        while (true) {
            int len = Math.min(size, Math.max(Math.max(remaining, minWidth), 1));
            int take = Math.min(remaining, len);
            for (int i = 0; i < take; i++) {
                out.append(digits.charAt(remaining - 1 - i));
            }
            for (int i = take; i < len; i++) {
                out.append('0');
            }
            remaining -= take;
            minWidth -= len;
            if (remaining <= 0 && minWidth <= 0) {
                break;
            }
            out.append(separator);
            minWidth--;
        }
        return out.reverse().toString();
    }
}
