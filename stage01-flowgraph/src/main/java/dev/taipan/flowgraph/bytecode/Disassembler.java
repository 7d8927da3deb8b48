package dev.taipan.flowgraph.bytecode;

import dev.taipan.flowgraph.syntax.Ast;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Renders code objects as text, in the layout of Python's {@code dis} module, so that anyone
 * who has read {@code dis.dis} output can read ours:
 * <pre>
 *   1           0 LOAD_CONST               0 (1)
 *               4 STORE_NAME               0 (x)
 *
 *   2     &gt;&gt;    8 LOAD_NAME                0 (x)
 * </pre>
 * Columns: the source line (on the first instruction of each line), {@code >>} at jump and
 * handler targets, the byte offset, the opcode, its argument, and what the argument means
 * (constant, variable or attribute name, operator symbol, {@code to 24} for jumps). The
 * exception table follows as {@code start to end -> handler [depth]} rows, and then the nested
 * code objects, recursively.
 */
public final class Disassembler {

    private Disassembler() {
    }

    /** {@code code} and every code object nested in it. */
    public static String dis(Code code) {
        StringBuilder sb = new StringBuilder();
        disassemble(code, sb);
        return sb.toString();
    }

    private static void disassemble(Code code, StringBuilder sb) {
        sb.append(instructions(code));
        for (Object c : code.consts()) {
            if (c instanceof Code nested) {
                sb.append("\nDisassembly of ").append(nested).append(":\n");
                disassemble(nested, sb);
            }
        }
    }

    /** The instructions of {@code code} alone, then its exception table. */
    public static String instructions(Code code) {
        Set<Integer> targets = new HashSet<>();
        for (Instruction in : code.instructions()) {
            if (in.opcode().isJump()) {
                targets.add(in.arg());
            }
        }
        for (ExceptionEntry e : code.exceptionTable()) {
            targets.add(e.handler());
        }
        StringBuilder sb = new StringBuilder();
        int lastLine = -1;
        for (Instruction in : code.instructions()) {
            String lineCol = "";
            if (in.line() != lastLine) {
                if (lastLine != -1) {
                    sb.append('\n');
                }
                lineCol = Integer.toString(in.line());
                lastLine = in.line();
            }
            String meaning = meaning(code, in);
            String arg = in.opcode().arg() == Opcode.Arg.NONE ? "" : Integer.toString(in.arg());
            String row = String.format("%4s %5s %5d %-20s %5s%s", lineCol, targets.contains(in.offset()) ? ">>" : "",
                    in.offset(), in.opcode(), arg, meaning.isEmpty() ? "" : " (" + meaning + ")");
            sb.append(row.stripTrailing()).append('\n');
        }
        if (!code.exceptionTable().isEmpty()) {
            sb.append("ExceptionTable:\n");
            for (ExceptionEntry e : code.exceptionTable()) {
                sb.append("  ").append(e.start()).append(" to ").append(e.end()).append(" -> ").append(e.handler())
                        .append(" [").append(e.depth()).append("]\n");
            }
        }
        return sb.toString();
    }

    /** One line per instruction, "OPNAME" or "OPNAME meaning": handy for tests. */
    public static List<String> opcodes(Code code) {
        List<String> out = new ArrayList<>();
        for (Instruction in : code.instructions()) {
            String meaning = meaning(code, in);
            out.add(meaning.isEmpty() ? in.opcode().name() : in.opcode() + " " + meaning);
        }
        return out;
    }

    private static String meaning(Code code, Instruction in) {
        int arg = in.arg();
        return switch (in.opcode().arg()) {
            case CONST -> repr(code.consts().get(arg));
            case LOCAL -> code.varnames().get(arg);
            case CELL -> code.cellName(arg);
            case NAME -> code.names().get(arg);
            case JUMP -> "to " + arg;
            case OPERATOR -> switch (in.opcode()) {
                case UNARY_OP -> Ast.UnaryOperator.values()[arg].symbol;
                case COMPARE_OP -> Ast.CmpOperator.values()[arg].symbol;
                default -> arg >= Opcode.INPLACE
                        ? Ast.Operator.values()[arg - Opcode.INPLACE].symbol + "="
                        : Ast.Operator.values()[arg].symbol;
            };
            case FLAGS -> switch (in.opcode()) {
                case MAKE_FUNCTION -> flags(arg, "defaults", "kwdefaults", null, "closure");
                case FORMAT_VALUE -> {
                    String conv = List.of("", "str", "repr", "ascii").get(arg & 3);
                    String spec = (arg & 4) != 0 ? "with format" : "";
                    yield conv.isEmpty() || spec.isEmpty() ? conv + spec : conv + ", " + spec;
                }
                case CALL_EX -> arg != 0 ? "kwargs" : "";
                default -> "";
            };
            case NONE, COUNT -> "";
        };
    }

    private static String flags(int arg, String... names) {
        List<String> set = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if ((arg & 1 << i) != 0 && names[i] != null) {
                set.add(names[i]);
            }
        }
        return String.join(", ", set);
    }

    // ------------------------------------------------------------------ Python reprs of constants

    /** Python's {@code repr} of a constant: {@code 'abc'}, {@code 1.0}, {@code (1, 2)}, {@code b'\x00'}. */
    public static String repr(Object value) {
        return switch (value) {
            case String s -> strRepr(s);
            case Boolean b -> b ? "True" : "False";
            case Double d -> floatRepr(d);
            case Long l -> l.toString();
            case BigInteger i -> i.toString();
            case Ast.Bytes b -> bytesRepr(b);
            case List<?> l -> {
                List<String> items = new ArrayList<>();
                for (Object x : l) {
                    items.add(repr(x));
                }
                yield "(" + String.join(", ", items) + (items.size() == 1 ? ",)" : ")");
            }
            case null -> "NULL";
            default -> value.toString();
        };
    }

    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        String sign = (Double.doubleToRawLongBits(d) < 0) ? "-" : "";
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        if (bd.signum() == 0) {
            return sign + "0.0";
        }
        if (exp >= -4 && exp < 16) {
            String plain = bd.toPlainString();
            return sign + (plain.contains(".") ? plain : plain + ".0");
        }
        String mantissa = digits.length() > 1 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        return sign + mantissa + "e" + (exp < 0 ? "-" : "+") + (Math.abs(exp) < 10 ? "0" : "") + Math.abs(exp);
    }

    private static char quote(boolean hasSingle, boolean hasDouble) {
        return hasSingle && !hasDouble ? '"' : '\'';
    }

    static String strRepr(String s) {
        char q = quote(s.indexOf('\'') >= 0, s.indexOf('"') >= 0);
        StringBuilder sb = new StringBuilder().append(q);
        s.codePoints().forEach(c -> {
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) {
                        sb.append('\\').append((char) c);
                    } else if (c < 0x20 || c >= 0x7f && c < 0xa0) {
                        sb.append(String.format("\\x%02x", c));
                    } else if (c > 0x7f && !isPrintable(c)) {
                        sb.append(c <= 0xff ? String.format("\\x%02x", c)
                                : c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
                    } else {
                        sb.appendCodePoint(c);
                    }
                }
            }
        });
        return sb.append(q).toString();
    }

    private static boolean isPrintable(int c) {
        return switch (Character.getType(c)) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                 Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                 Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    static String bytesRepr(Ast.Bytes b) {
        boolean single = false;
        boolean dbl = false;
        for (int i = 0; i < b.length(); i++) {
            single |= b.at(i) == '\'';
            dbl |= b.at(i) == '"';
        }
        char q = quote(single, dbl);
        StringBuilder sb = new StringBuilder("b").append(q);
        for (int i = 0; i < b.length(); i++) {
            int c = b.at(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) {
                        sb.append('\\').append((char) c);
                    } else if (c < 0x20 || c >= 0x7f) {
                        sb.append(String.format("\\x%02x", c));
                    } else {
                        sb.append((char) c);
                    }
                }
            }
        }
        return sb.append(q).toString();
    }
}
