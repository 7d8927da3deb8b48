package dev.taipan.flowgraph.host.lib;

import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;

/**
 * {@code template % args}, printf-style formatting of str, as CPython 3.11 does it.
 *
 * <p>A conversion is {@code %[(key)][flags][width][.precision][h|l|L]type}: flags {@code - + # 0}
 * and space; width and precision digits or {@code *} (taken from the arguments; a negative
 * {@code *} width left-justifies); types {@code d i u o x X e E f F g G c s r a}, and {@code %%}
 * for a percent sign (only directly after the {@code %}: {@code '%5%'} is an unsupported format
 * character, as in CPython).
 *
 * <p>How the interpreter calls it for {@code template % x}: a tuple gives its items
 * ({@link #format(String, List)}); any other {@code x} is a one-item list, and when {@code x} is
 * a mapping (not a tuple or str, but has {@code __getitem__}), also its lookup
 * ({@link #format(String, List, Function)}): then {@code %(key)s} reads the mapping, a plain
 * {@code %s} formats {@code x} itself, and unused arguments are no error. The lookup function
 * raises the interpreter's own KeyError.
 *
 * <p>Errors, worded as CPython: TypeError {@code not enough arguments for format string},
 * {@code not all arguments converted during string formatting}, {@code format requires a mapping},
 * {@code * wants int}, {@code %d format: a real number is required, not str},
 * {@code %x format: an integer is required, not float}, {@code must be real number, not str},
 * {@code %c requires int or char}; ValueError {@code incomplete format},
 * {@code incomplete format key}, {@code unsupported format character 'q' (0x71) at index 3};
 * OverflowError {@code %c arg not in range(0x110000)}.
 */
public final class PercentFormat {

    private PercentFormat() {}

    /** {@code template % tuple(args)}. */
    public static String format(String template, List<PercentArg> args) {
        return format(template, args, null);
    }

    /** {@code template % mapping} where every conversion has a {@code (key)}; a conversion
     *  without one finds no argument (use {@link #format(String, List, Function)} to let it
     *  format the mapping itself). */
    public static String format(String template, Function<String, PercentArg> mapping) {
        return format(template, List.of(), mapping);
    }

    /** The general case: positional arguments and, if the right operand is a mapping, its lookup. */
    public static String format(String template, List<PercentArg> args, Function<String, PercentArg> mapping) {
        return new Formatter(template, args, mapping).run();
    }

    /** The state of one formatting: the template position and the next positional argument. */
    private static final class Formatter {
        private final String t;
        private final List<PercentArg> args;
        private final Function<String, PercentArg> mapping;
        private final StringBuilder out;
        private int pos;
        private int argIndex;
        private boolean usedKey;

        Formatter(String template, List<PercentArg> args, Function<String, PercentArg> mapping) {
            this.t = template;
            this.args = args;
            this.mapping = mapping;
            this.out = new StringBuilder(template.length() + 16);
        }

        String run() {
            int n = t.length();
            while (pos < n) {
                int next = t.indexOf('%', pos);
                if (next < 0) {
                    out.append(t, pos, n);
                    break;
                }
                out.append(t, pos, next);
                pos = next + 1;
                conversion();
            }
            if (mapping == null && argIndex < args.size()) {
                throw PyLibError.typeError("not all arguments converted during string formatting");
            }
            return out.toString();
        }

        private PercentArg nextArg() {
            if (usedKey || argIndex >= args.size()) {
                throw PyLibError.typeError("not enough arguments for format string");
            }
            return args.get(argIndex++);
        }

        private int nextStar(String what) {
            BigInteger v = nextArg().integer();
            if (v == null) {
                throw PyLibError.typeError("* wants int");
            }
            if (v.bitLength() > 31) {
                throw PyLibError.valueError(what + " too big");
            }
            return v.intValue();
        }

        private int digits(String what) {
            long v = 0;
            while (pos < t.length() && t.charAt(pos) >= '0' && t.charAt(pos) <= '9') {
                v = v * 10 + t.charAt(pos++) - '0';
                if (v > Integer.MAX_VALUE) {
                    throw PyLibError.valueError(what + " too big");
                }
            }
            return (int) v;
        }

        /** One conversion; {@code pos} is just after its {@code %}. */
        private void conversion() {
            int n = t.length();
            if (pos >= n) {
                throw PyLibError.valueError("incomplete format");
            }
            if (t.charAt(pos) == '%') {
                out.append('%');
                pos++;
                return;
            }
            PercentArg keyed = null;
            if (t.charAt(pos) == '(') {
                if (mapping == null) {
                    throw PyLibError.typeError("format requires a mapping");
                }
                int depth = 1;
                int start = ++pos;
                while (pos < n && depth > 0) {
                    char c = t.charAt(pos++);
                    depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                }
                if (depth > 0) {
                    throw PyLibError.valueError("incomplete format key");
                }
                keyed = mapping.apply(t.substring(start, pos - 1));
                usedKey = true;
            }
            Flags f = new Flags();
            flags:
            while (pos < n) {
                switch (t.charAt(pos)) {
                    case '-' -> f.left = true;
                    case '+' -> f.plus = true;
                    case ' ' -> f.space = true;
                    case '#' -> f.alternate = true;
                    case '0' -> f.zero = true;
                    default -> {
                        break flags;
                    }
                }
                pos++;
            }
            if (pos < n && t.charAt(pos) == '*') {
                pos++;
                f.width = nextStar("width");
                if (f.width < 0) {
                    f.left = true;
                    f.width = -f.width;
                }
            } else {
                f.width = digits("width");
            }
            if (pos < n && t.charAt(pos) == '.') {
                pos++;
                if (pos < n && t.charAt(pos) == '*') {
                    pos++;
                    f.precision = Math.max(0, nextStar("precision"));
                } else {
                    f.precision = digits("precision");
                }
            }
            while (pos < n && (t.charAt(pos) == 'h' || t.charAt(pos) == 'l' || t.charAt(pos) == 'L')) {
                pos++;
            }
            if (pos >= n) {
                throw PyLibError.valueError("incomplete format");
            }
            char type = t.charAt(pos++);
            PercentArg arg = keyed != null ? keyed : nextArg();
            out.append(convert(type, arg, f));
        }

        private String convert(char type, PercentArg arg, Flags f) {
            return switch (type) {
                case 's' -> text(arg.str(), f);
                case 'r' -> text(arg.repr(), f);
                case 'a' -> text(arg.ascii(), f);
                case 'c' -> padText(Character.toString(charOf(arg)), f);
                case 'd', 'i', 'u' -> integer(decimalValue(arg, type), 10, type, f);
                case 'o', 'x', 'X' -> integer(indexValue(arg, type), type == 'o' ? 8 : 16, type, f);
                case 'e', 'E', 'f', 'F', 'g', 'G' -> real(realValue(arg), type, f);
                default -> {
                    char shown = type >= 32 && type <= 126 ? type : '?';
                    throw PyLibError.valueError("unsupported format character '" + shown + "' (0x"
                            + Integer.toHexString(type) + ") at index " + (pos - 1));
                }
            };
        }
    }

    /** The flags, width and precision of one conversion. */
    private static final class Flags {
        boolean left;
        boolean plus;
        boolean space;
        boolean alternate;
        boolean zero;
        int width;
        int precision = -1;
    }

    /** Precision truncates, width pads; both count code points, as Python's characters. */
    private static String text(String s, Flags f) {
        if (f.precision >= 0 && s.codePointCount(0, s.length()) > f.precision) {
            s = s.substring(0, s.offsetByCodePoints(0, f.precision));
        }
        return padText(s, f);
    }

    private static String padText(String s, Flags f) {
        int padding = f.width - s.codePointCount(0, s.length());
        if (padding <= 0) {
            return s;
        }
        return f.left ? s + " ".repeat(padding) : " ".repeat(padding) + s;
    }

    /** Sign, prefix and digits padded to the width: spaces on the left or right, or (flag 0)
     *  zeros between prefix and digits. */
    private static String number(boolean negative, String prefix, String digits, Flags f) {
        String sign = negative ? "-" : f.plus ? "+" : f.space ? " " : "";
        int padding = f.width - sign.length() - prefix.length() - digits.length();
        if (padding <= 0) {
            return sign + prefix + digits;
        }
        if (f.left) {
            return sign + prefix + digits + " ".repeat(padding);
        }
        if (f.zero) {
            return sign + prefix + "0".repeat(padding) + digits;
        }
        return " ".repeat(padding) + sign + prefix + digits;
    }

    private static String integer(BigInteger v, int base, char type, Flags f) {
        String digits = IntFormat.digits(v, base);
        if (type == 'X') {
            digits = digits.toUpperCase(java.util.Locale.ROOT);
        }
        if (f.precision > digits.length()) {
            digits = "0".repeat(f.precision - digits.length()) + digits;
        }
        String prefix = !f.alternate || base == 10 ? "" : type == 'o' ? "0o" : type == 'x' ? "0x" : "0X";
        return number(v.signum() < 0, prefix, digits, f);
    }

    private static String real(double v, char type, Flags f) {
        String body = FloatFormat.formatAbs(Math.abs(v), type, f.precision < 0 ? 6 : f.precision, f.alternate);
        return number(FloatFormat.isNegative(v), "", body, f);
    }

    private static BigInteger decimalValue(PercentArg arg, char type) {
        BigInteger v = arg.integer();
        if (v != null) {
            return v;
        }
        Double d = arg.real();
        if (d == null) {
            throw PyLibError.typeError("%" + type + " format: a real number is required, not " + arg.typeName());
        }
        return FloatFormat.toInt(d);
    }

    private static BigInteger indexValue(PercentArg arg, char type) {
        BigInteger v = arg.integer();
        if (v == null) {
            throw PyLibError.typeError("%" + type + " format: an integer is required, not " + arg.typeName());
        }
        return v;
    }

    private static double realValue(PercentArg arg) {
        Double d = arg.real();
        if (d == null) {
            throw PyLibError.typeError("must be real number, not " + arg.typeName());
        }
        return d;
    }

    private static int charOf(PercentArg arg) {
        BigInteger v = arg.integer();
        if (v != null) {
            return codePoint(v);
        }
        if (arg.typeName().equals("str")) {
            String s = arg.str();
            if (!s.isEmpty() && s.codePointCount(0, s.length()) == 1) {
                return s.codePointAt(0);
            }
        }
        throw PyLibError.typeError("%c requires int or char");
    }

    /** {@code chr(v)} for {@code %c} and format type {@code c}; OverflowError out of range. */
    static int codePoint(BigInteger v) {
        if (v.signum() < 0 || v.compareTo(BigInteger.valueOf(0x10ffff)) > 0) {
            throw PyLibError.overflowError("%c arg not in range(0x110000)");
        }
        return v.intValue();
    }

    /** {@code ascii()} of a repr: every non-ASCII character escaped as {@code \xNN},
     *  backslash-u or backslash-U. */
    public static String ascii(String repr) {
        StringBuilder sb = new StringBuilder(repr.length());
        for (int i = 0; i < repr.length(); ) {
            int cp = repr.codePointAt(i);
            i += Character.charCount(cp);
            if (cp < 0x80) {
                sb.append((char) cp);
            } else if (cp <= 0xff) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        return sb.toString();
    }
}
