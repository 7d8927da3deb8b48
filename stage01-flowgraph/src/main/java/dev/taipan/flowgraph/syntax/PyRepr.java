package dev.taipan.flowgraph.syntax;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * Python's {@code repr()} of the literal values a program can contain: str, bytes, int, float,
 * bool, None and Ellipsis. {@link AstDump} prints constants with it, and the host interpreter
 * reuses it, so it follows CPython exactly:
 *
 * <ul>
 *   <li>str: single quotes unless the text contains a single quote and no double quote;
 *       backslash escapes for the quote, {@code \\ \t \n \r}, other control and non-printable
 *       characters as {@code \xNN} or the 4- and 8-digit backslash-u and backslash-U forms;
 *       printable non-ASCII characters as they are.</li>
 *   <li>bytes: the same quoting, every byte outside 0x20..0x7e as {@code \xNN}.</li>
 *   <li>float: the shortest digits that round-trip (Java's {@link Double#toString} finds them
 *       too, since JDK 19), laid out as Python does: positional notation when the decimal
 *       exponent is in -4..15, else {@code 1e+16} / {@code 1e-05} style; {@code inf},
 *       {@code nan}, {@code -0.0}.</li>
 * </ul>
 */
public final class PyRepr {

    private PyRepr() {}

    /** The repr of a literal value as held in {@link Ast.Constant} (null is None). */
    public static String of(Object value) {
        return switch (value) {
            case null -> "None";
            case String s -> str(s);
            case Ast.Bytes b -> bytes(b.data());
            case Double d -> floatRepr(d);
            case Float f -> floatRepr(f.doubleValue());
            case Boolean b -> b ? "True" : "False";
            case Long l -> l.toString();
            case Integer i -> i.toString();
            case BigInteger b -> b.toString();
            case Ast.Singleton s -> s.toString();
            default -> throw new IllegalArgumentException("not a Python literal value: " + value.getClass());
        };
    }

    public static String str(String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder(s.length() + 2).append(quote);
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').append((char) cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < 0x20 || cp == 0x7f) {
                hex(sb, "\\x", cp, 2);
            } else if (cp < 0x7f || isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                hex(sb, "\\x", cp, 2);
            } else if (cp <= 0xffff) {
                hex(sb, "\\u", cp, 4);
            } else {
                hex(sb, "\\U", cp, 8);
            }
        }
        return sb.append(quote).toString();
    }

    /** Python's str.isprintable() for one character: not a control, format, surrogate, private,
     *  unassigned or separator character, except the space. */
    public static boolean isPrintable(int cp) {
        return switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> cp == ' ';
            default -> true;
        };
    }

    public static String bytes(byte[] data) {
        boolean single = false;
        boolean dbl = false;
        for (byte b : data) {
            single |= b == '\'';
            dbl |= b == '"';
        }
        char quote = single && !dbl ? '"' : '\'';
        StringBuilder sb = new StringBuilder(data.length + 3).append('b').append(quote);
        for (byte b : data) {
            int c = b & 0xff;
            if (c == quote || c == '\\') {
                sb.append('\\').append((char) c);
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c < 0x20 || c >= 0x7f) {
                hex(sb, "\\x", c, 2);
            } else {
                sb.append((char) c);
            }
        }
        return sb.append(quote).toString();
    }

    private static void hex(StringBuilder sb, String prefix, int value, int digits) {
        String h = Integer.toHexString(value);
        sb.append(prefix).append("0".repeat(digits - h.length())).append(h);
    }

    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        } else if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        } else if (d == 0) {
            return (1 / d < 0) ? "-0.0" : "0.0";
        }
        // Double.toString gives the shortest round-tripping digits; BigDecimal takes them apart
        BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        if (shortest.precision() == 2) {
            // Java always writes two digits in "d.dE.." form and then picks the nearest
            // two-digit value (5e-324 becomes 4.9E-324); Python would write one digit if one
            // round-trips
            BigDecimal one = new BigDecimal(Math.abs(d)).round(new java.math.MathContext(1));
            if (one.doubleValue() == Math.abs(d)) {
                shortest = one.stripTrailingZeros();
            }
        }
        String digits = shortest.unscaledValue().toString();
        // value = 0.DIGITS * 10^decpt
        int decpt = digits.length() - shortest.scale();
        StringBuilder sb = new StringBuilder(24);
        if (d < 0) {
            sb.append('-');
        }
        if (decpt > -4 && decpt <= 16) {
            if (decpt <= 0) {
                sb.append("0.").append("0".repeat(-decpt)).append(digits);
            } else if (decpt >= digits.length()) {
                sb.append(digits).append("0".repeat(decpt - digits.length())).append(".0");
            } else {
                sb.append(digits, 0, decpt).append('.').append(digits, decpt, digits.length());
            }
        } else {
            sb.append(digits.charAt(0));
            if (digits.length() > 1) {
                sb.append('.').append(digits, 1, digits.length());
            }
            int exp = decpt - 1;
            sb.append('e').append(exp < 0 ? '-' : '+');
            int abs = Math.abs(exp);
            if (abs < 10) {
                sb.append('0');
            }
            sb.append(abs);
        }
        return sb.toString();
    }
}
