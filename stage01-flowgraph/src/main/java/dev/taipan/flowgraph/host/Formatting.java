package dev.taipan.flowgraph.host;

import dev.taipan.flowgraph.syntax.PyRepr;
import java.util.List;

/**
 * The glue between the interpreter's objects and the formatting library: {@code format()}'s
 * mini-language and {@code %}-formatting.
 */
final class Formatting {
    private Formatting() {}

    static String format(PyObject v, String spec) {
        if (spec.isEmpty()) {
            return Ops.str(v);
        }
        return simpleFormat(v, spec);
    }

    // A stop-gap until host.lib's FormatSpec lands: [[fill]align][sign][0][width][,][.prec][type].
    private static String simpleFormat(PyObject v, String spec) {
        int i = 0;
        char fill = ' ';
        char align = 0;
        if (spec.length() >= 2 && "<>^=".indexOf(spec.charAt(1)) >= 0) {
            fill = spec.charAt(0);
            align = spec.charAt(1);
            i = 2;
        } else if (!spec.isEmpty() && "<>^=".indexOf(spec.charAt(0)) >= 0) {
            align = spec.charAt(0);
            i = 1;
        }
        char sign = '-';
        if (i < spec.length() && "+- ".indexOf(spec.charAt(i)) >= 0) {
            sign = spec.charAt(i++);
        }
        boolean zero = false;
        if (i < spec.length() && spec.charAt(i) == '0') {
            zero = true;
            i++;
        }
        int width = 0;
        while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
            width = width * 10 + spec.charAt(i++) - '0';
        }
        boolean comma = false;
        if (i < spec.length() && spec.charAt(i) == ',') {
            comma = true;
            i++;
        }
        int prec = -1;
        if (i < spec.length() && spec.charAt(i) == '.') {
            i++;
            prec = 0;
            while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
                prec = prec * 10 + spec.charAt(i++) - '0';
            }
        }
        char type = i < spec.length() ? spec.charAt(i) : 0;
        String body;
        boolean numeric = v instanceof PyInt || v instanceof PyFloat;
        if (v instanceof PyInt n && type != 'f' && type != 'e' && type != 'g' && type != '%' && type != 'F') {
            java.math.BigInteger b = n.bigValue().abs();
            body = switch (type) {
                case 'x' -> b.toString(16);
                case 'X' -> b.toString(16).toUpperCase();
                case 'o' -> b.toString(8);
                case 'b' -> b.toString(2);
                case 'c' -> String.valueOf((char) b.intValue());
                default -> comma ? String.format("%,d", b) : b.toString();
            };
            body = signed(n.signum() < 0, sign, body);
        } else if (numeric) {
            double d = Arith.toDouble(v);
            int p = prec < 0 ? 6 : prec;
            String s = switch (type) {
                case 'f', 'F' -> String.format("%" + (comma ? "," : "") + "." + p + "f", Math.abs(d));
                case 'e', 'E' -> pyExp(Math.abs(d), p, type == 'E');
                case '%' -> String.format("%." + p + "f", Math.abs(d) * 100) + "%";
                case 'g', 'G' -> String.format("%." + Math.max(p, 1) + "g", Math.abs(d));
                default -> prec >= 0 ? String.format("%." + Math.max(prec, 1) + "g", Math.abs(d))
                        : PyRepr.floatRepr(Math.abs(d));
            };
            if (Double.isInfinite(d)) {
                s = "inf";
            } else if (Double.isNaN(d)) {
                s = "nan";
            }
            body = signed(d < 0 || (d == 0 && 1 / d < 0), sign, s);
        } else {
            body = Ops.str(v);
            if (prec >= 0 && body.length() > prec) {
                body = body.substring(0, prec);
            }
        }
        if (align == 0) {
            align = numeric ? '>' : '<';
            if (zero) {
                fill = '0';
                align = '=';
            }
        }
        int pad = width - body.length();
        if (pad <= 0) {
            return body;
        }
        String f = String.valueOf(fill).repeat(pad);
        return switch (align) {
            case '<' -> body + f;
            case '^' -> String.valueOf(fill).repeat(pad / 2) + body + String.valueOf(fill).repeat(pad - pad / 2);
            case '=' -> !body.isEmpty() && "+- ".indexOf(body.charAt(0)) >= 0
                    ? body.charAt(0) + f + body.substring(1) : f + body;
            default -> f + body;
        };
    }

    private static String signed(boolean negative, char sign, String body) {
        if (negative) {
            return "-" + body;
        }
        return sign == '+' ? "+" + body : sign == ' ' ? " " + body : body;
    }

    private static String pyExp(double d, int p, boolean upper) {
        String s = String.format("%." + p + "e", d);
        int e = s.indexOf('e');
        String mant = s.substring(0, e);
        int exp = Integer.parseInt(s.substring(e + 1));
        String r = mant + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
        return upper ? r.toUpperCase() : r;
    }

    /** {@code fmt % args}. */
    static String percent(String fmt, PyObject args) {
        List<PyObject> items = args instanceof PyTuple t ? List.of(t.items) : List.of(args);
        PyObject mapping = args instanceof PyDict || (!(args instanceof PyTuple) && !args.type().isBuiltin()
                && args.type().lookup("__getitem__") != null && !(args instanceof PyStr)) ? args : null;
        StringBuilder sb = new StringBuilder();
        int ai = 0;
        int i = 0;
        int n = fmt.length();
        while (i < n) {
            char c = fmt.charAt(i++);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i >= n) {
                throw PyErrors.valueError("incomplete format");
            }
            PyObject value = null;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                String key = fmt.substring(i + 1, close);
                i = close + 1;
                if (mapping == null) {
                    throw PyErrors.typeError("format requires a mapping");
                }
                value = Ops.getitem(mapping, PyStr.of(key));
            }
            StringBuilder flags = new StringBuilder();
            while (i < n && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
                flags.append(fmt.charAt(i++));
            }
            int width = -1;
            if (i < n && fmt.charAt(i) == '*') {
                width = (int) Ops.index(items.get(ai++));
                i++;
            } else {
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    width = Math.max(width, 0) * 10 + fmt.charAt(i++) - '0';
                }
            }
            int prec = -1;
            if (i < n && fmt.charAt(i) == '.') {
                i++;
                prec = 0;
                if (i < n && fmt.charAt(i) == '*') {
                    prec = (int) Ops.index(items.get(ai++));
                    i++;
                } else {
                    while (i < n && Character.isDigit(fmt.charAt(i))) {
                        prec = prec * 10 + fmt.charAt(i++) - '0';
                    }
                }
            }
            char conv = fmt.charAt(i++);
            if (conv == '%') {
                sb.append('%');
                continue;
            }
            if (value == null) {
                if (ai >= items.size()) {
                    throw PyErrors.typeError("not enough arguments for format string");
                }
                value = items.get(ai++);
            }
            String f = flags.toString();
            String body = switch (conv) {
                case 's' -> Ops.str(value);
                case 'r' -> Ops.repr(value);
                case 'a' -> Ops.ascii(value);
                case 'c' -> value instanceof PyStr s ? s.value : String.valueOf((char) Ops.index(value));
                case 'd', 'i', 'u' -> {
                    if (!(value instanceof PyInt) && !(value instanceof PyFloat)) {
                        throw PyErrors.typeError("%" + conv + " format: a real number is required, not "
                                + Ops.typeName(value));
                    }
                    PyInt iv = value instanceof PyFloat fl ? Arith.fromDouble(fl.value) : (PyInt) value;
                    yield intBody(iv, 10, f, prec, false);
                }
                case 'x', 'X', 'o' -> {
                    if (!(value instanceof PyInt iv)) {
                        throw PyErrors.typeError("%" + conv + " format: an integer is required, not "
                                + Ops.typeName(value));
                    }
                    yield intBody(iv, conv == 'o' ? 8 : 16, f, prec, conv == 'X');
                }
                case 'f', 'F', 'e', 'E', 'g', 'G' -> {
                    double d = Arith.toDouble(value);
                    String spec = (f.contains("+") ? "+" : f.contains(" ") ? " " : "")
                            + (f.contains("#") ? "#" : "") + "." + (prec < 0 ? 6 : prec) + conv;
                    yield simpleFormat(new PyFloat(d), spec);
                }
                default -> throw PyErrors.valueError("unsupported format character '" + conv + "' (0x"
                        + Integer.toHexString(conv) + ") at index " + (i - 1));
            };
            if ((conv == 's' || conv == 'r' || conv == 'a') && prec >= 0 && body.length() > prec) {
                body = body.substring(0, prec);
            }
            if (width > body.length()) {
                int pad = width - body.length();
                if (f.contains("-")) {
                    body = body + " ".repeat(pad);
                } else if (f.contains("0") && "sracx".indexOf(conv) < 0 || f.contains("0") && conv == 'x') {
                    int signLen = !body.isEmpty() && "+- ".indexOf(body.charAt(0)) >= 0 ? 1 : 0;
                    body = body.substring(0, signLen) + "0".repeat(pad) + body.substring(signLen);
                } else {
                    body = " ".repeat(pad) + body;
                }
            }
            sb.append(body);
        }
        if (ai < items.size() && mapping == null) {
            throw PyErrors.typeError("not all arguments converted during string formatting");
        }
        return sb.toString();
    }

    private static String intBody(PyInt v, int radix, String flags, int prec, boolean upper) {
        java.math.BigInteger b = v.bigValue();
        String digits = b.abs().toString(radix);
        if (upper) {
            digits = digits.toUpperCase();
        }
        if (prec > digits.length()) {
            digits = "0".repeat(prec - digits.length()) + digits;
        }
        if (flags.contains("#") && radix != 10) {
            digits = (radix == 8 ? "0o" : upper ? "0X" : "0x") + digits;
        }
        String sign = b.signum() < 0 ? "-" : flags.contains("+") ? "+" : flags.contains(" ") ? " " : "";
        return sign + digits;
    }
}
