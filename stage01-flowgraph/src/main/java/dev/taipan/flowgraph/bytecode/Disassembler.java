package dev.taipan.flowgraph.bytecode;

import dev.taipan.flowgraph.syntax.Ast;
import dev.taipan.flowgraph.syntax.PyRepr;
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

    /**
     * One string per instruction, handy for tests: {@code OPNAME} when it takes no argument,
     * else {@code OPNAME meaning} ({@code LOAD_FAST x}, {@code JUMP to 12}), or {@code OPNAME arg}
     * when the argument is a plain number ({@code CALL 2}).
     */
    public static List<String> opcodes(Code code) {
        List<String> out = new ArrayList<>();
        for (Instruction in : code.instructions()) {
            String meaning = meaning(code, in);
            if (in.opcode().arg() == Opcode.Arg.NONE) {
                out.add(in.opcode().name());
            } else {
                out.add(in.opcode() + " " + (meaning.isEmpty() ? Integer.toString(in.arg()) : meaning));
            }
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
                case CALL_EX -> (arg & 2) != 0 ? (arg >> 2) + " + *rest" : arg != 0 ? "kwargs" : "";
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

    /** Python's {@code repr} of a constant: {@code 'abc'}, {@code 1.0}, {@code (1, 2)}, a code object. */
    public static String repr(Object value) {
        return switch (value) {
            case List<?> l -> {
                List<String> items = new ArrayList<>();
                for (Object x : l) {
                    items.add(repr(x));
                }
                yield "(" + String.join(", ", items) + (items.size() == 1 ? ",)" : ")");
            }
            case Code c -> c.toString();
            default -> PyRepr.of(value);
        };
    }
}
