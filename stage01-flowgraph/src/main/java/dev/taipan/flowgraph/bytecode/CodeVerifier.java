package dev.taipan.flowgraph.bytecode;

import dev.taipan.flowgraph.syntax.Ast;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;

/**
 * The invariant checker of the bytecode model, in the spirit of PyPy's {@code checkgraph}: a
 * code object that passes can be run by the host interpreter and abstractly interpreted by the
 * flow space without either of them checking anything again.
 *
 * <p>What it checks, per code object and recursively for the code objects among its constants:
 * <ul>
 *   <li>Form: whole instructions, one line per instruction, valid opcodes, arguments in range
 *       for their kind (constant, local, cell, name, jump target aligned and inside the code,
 *       operator ordinals, flag bits), allowed constant types.</li>
 *   <li>Stack discipline, by a flow over every path, exception edges included: the depth at an
 *       instruction is the same on every path that reaches it (the property that lets the flow
 *       space give each instruction one frame-state shape), an instruction never pops more than
 *       the stack holds, the depth never exceeds {@code stackSize}, and execution never falls
 *       off the end.</li>
 *   <li>Exception table: rows inside the code, aligned; a handler's depth is at most the depth
 *       at every reachable instruction it covers (a handler only ever cuts the stack).</li>
 *   <li>Regularity the consumers rely on: MAKE_FUNCTION directly follows the LOAD_CONST of its
 *       code object and passes a closure exactly when that code has free variables; CALL_KW
 *       directly follows the LOAD_CONST of its tuple of names; LOAD_CLASSDEREF only in class
 *       bodies; MAKE_CELL only on cellvars.</li>
 * </ul>
 * Unreachable instructions are checked for form only.
 */
public final class CodeVerifier {

    private final Code code;

    private CodeVerifier(Code code) {
        this.code = code;
    }

    /** Checks {@code code} and every code object nested in it; throws {@link InvalidCode} on the first problem. */
    public static void verify(Code code) {
        new CodeVerifier(code).run();
        for (Object c : code.consts()) {
            if (c instanceof Code nested) {
                verify(nested);
            }
        }
    }

    /** A code object that breaks an invariant: a bug in whatever produced it. */
    public static final class InvalidCode extends IllegalStateException {
        InvalidCode(String message) {
            super(message);
        }
    }

    private InvalidCode fail(String message) {
        return new InvalidCode(code + ": " + message);
    }

    private InvalidCode fail(int pc, String message) {
        String op = pc < code.length() && (code.code()[pc] & 0xff) < Opcode.values().length
                ? code.opcodeAt(pc) + " " + code.argAt(pc) : "?";
        return new InvalidCode(code + ": offset " + pc + " (" + op + "): " + message);
    }

    private void run() {
        int n = code.length();
        if (n == 0 || n % Opcode.SIZE != 0) {
            throw fail("code length " + n + " is not a positive multiple of " + Opcode.SIZE);
        }
        if (code.lines().length != n / Opcode.SIZE) {
            throw fail("line table has " + code.lines().length + " entries for " + n / Opcode.SIZE + " instructions");
        }
        if (code.hasFlag(Code.FUNCTION) && code.varnames().size() < code.totalArgCount()) {
            throw fail("fewer varnames than arguments");
        }
        if (code.posOnlyArgCount() > code.argCount()) {
            throw fail("more positional-only arguments than positional arguments");
        }
        for (Object c : code.consts()) {
            checkConst(c, true);
        }
        for (int pc = 0; pc < n; pc += Opcode.SIZE) {
            checkForm(pc);
        }
        if (!code.opcodeAt(n - Opcode.SIZE).endsBlock()) {
            throw fail(n - Opcode.SIZE, "code does not end with an unconditional transfer");
        }
        for (ExceptionEntry e : code.exceptionTable()) {
            if (e.start() < 0 || e.start() >= e.end() || e.end() > n || !aligned(e.start()) || !aligned(e.end())
                    || e.handler() < 0 || e.handler() >= n || !aligned(e.handler()) || e.depth() < 0) {
                throw fail("bad exception table row " + e);
            }
        }
        checkStack();
    }

    private static boolean aligned(int offset) {
        return offset % Opcode.SIZE == 0;
    }

    private void checkConst(Object c, boolean top) {
        switch (c) {
            case Long l -> { }
            case BigInteger b -> { }
            case Double d -> { }
            case String s -> { }
            case Ast.Bytes b -> { }
            case Boolean b -> { }
            case Ast.Singleton s -> { }
            case Code k when top -> { }
            case List<?> l -> l.forEach(x -> checkConst(x, false));
            case null, default -> throw fail("constant of unexpected type " + (c == null ? "null" : c.getClass().getName()));
        }
    }

    private void checkForm(int pc) {
        int raw = code.code()[pc] & 0xff;
        if (raw >= Opcode.values().length) {
            throw fail(pc, "invalid opcode " + raw);
        }
        Opcode op = code.opcodeAt(pc);
        int arg = code.argAt(pc);
        int limit = switch (op.arg()) {
            case NONE -> 1;
            case CONST -> code.consts().size();
            case LOCAL -> code.varnames().size();
            case CELL -> op == Opcode.MAKE_CELL ? code.cellvars().size() : code.cellvars().size() + code.freevars().size();
            case NAME -> code.names().size();
            case JUMP -> code.length();
            case COUNT -> 1 << 24;
            case OPERATOR -> switch (op) {
                case UNARY_OP -> Ast.UnaryOperator.values().length;
                case COMPARE_OP -> Ast.CmpOperator.values().length;
                default -> Opcode.INPLACE + Ast.Operator.values().length;
            };
            case FLAGS -> switch (op) {
                case MAKE_FUNCTION -> 16;
                case CALL_EX -> 2 | 256 << 2;   // flags 0, 1, or 2 with up to 255 positional arguments
                default -> 8;
            };
        };
        if (arg >= limit) {
            throw fail(pc, "argument out of range (limit " + limit + ")");
        }
        switch (op) {
            case JUMP, POP_JUMP_IF_FALSE, POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP, FOR_ITER -> {
                if (!aligned(arg)) {
                    throw fail(pc, "jump target not aligned");
                }
            }
            case BINARY_OP -> {
                if (arg >= Ast.Operator.values().length && arg < Opcode.INPLACE) {
                    throw fail(pc, "invalid binary operator");
                }
            }
            case MAKE_FUNCTION -> {
                if ((arg & 4) != 0) {
                    throw fail(pc, "unknown MAKE_FUNCTION flag 4");
                }
                Object fn = precedingConst(pc);
                if (!(fn instanceof Code body)) {
                    throw fail(pc, "MAKE_FUNCTION not preceded by LOAD_CONST of a code object");
                }
                if (((arg & 8) != 0) != !body.freevars().isEmpty()) {
                    throw fail(pc, "closure flag does not match the free variables of " + body);
                }
            }
            case CALL_KW -> {
                if (!(precedingConst(pc) instanceof List<?> names) || names.size() > arg
                        || !names.stream().allMatch(x -> x instanceof String)) {
                    throw fail(pc, "CALL_KW not preceded by LOAD_CONST of a tuple of at most " + arg + " names");
                }
            }
            case COPY -> {
                if (arg < 1) {
                    throw fail(pc, "COPY 0");
                }
            }
            case SWAP -> {
                if (arg < 2) {
                    throw fail(pc, "SWAP needs n >= 2");
                }
            }
            case BUILD_SLICE -> {
                if (arg != 2 && arg != 3) {
                    throw fail(pc, "BUILD_SLICE takes 2 or 3");
                }
            }
            case RAISE_VARARGS -> {
                if (arg > 2) {
                    throw fail(pc, "RAISE_VARARGS takes 0, 1 or 2");
                }
            }
            case LOAD_CLASSDEREF -> {
                if (code.hasFlag(Code.FUNCTION)) {
                    throw fail(pc, "LOAD_CLASSDEREF in a function");
                }
            }
            default -> { }
        }
    }

    private Object precedingConst(int pc) {
        if (pc == 0 || code.opcodeAt(pc - Opcode.SIZE) != Opcode.LOAD_CONST) {
            return null;
        }
        return code.consts().get(code.argAt(pc - Opcode.SIZE));
    }

    /** How many items an instruction reads from the stack (before pushing its results). */
    static int inputs(Opcode op, int arg) {
        return switch (op) {
            case BUILD_TUPLE, BUILD_LIST, BUILD_SET, BUILD_STRING, BUILD_SLICE, COPY, SWAP, RAISE_VARARGS -> arg;
            case BUILD_MAP -> 2 * arg;
            case CALL -> arg + 1;
            case CALL_KW, CALL_METHOD -> arg + 2;
            case CALL_EX -> 2 + (arg & 1);
            case MAKE_FUNCTION -> 1 + Integer.bitCount(arg & 0b1011);
            case LIST_APPEND, SET_ADD, LIST_EXTEND, SET_UPDATE, DICT_UPDATE, DICT_MERGE -> arg + 1;
            case MAP_ADD -> arg + 2;
            case FORMAT_VALUE -> 1 + ((arg & 4) != 0 ? 1 : 0);
            case STORE_SUBSCR, WITH_EXCEPT_START -> 3;
            case BINARY_SUBSCR, BINARY_OP, COMPARE_OP, STORE_ATTR, DELETE_SUBSCR, CHECK_EXC_MATCH, YIELD_FROM,
                 IMPORT_NAME -> 2;
            case UNARY_OP, LOAD_ATTR, LOAD_METHOD, GET_ITER, FOR_ITER, LIST_TO_TUPLE, UNPACK_SEQUENCE, UNPACK_EX,
                 YIELD_VALUE, GET_YIELD_FROM_ITER, PUSH_EXC_INFO, BEFORE_WITH, IMPORT_FROM, POP_JUMP_IF_FALSE,
                 POP_JUMP_IF_TRUE, JUMP_IF_FALSE_OR_POP, JUMP_IF_TRUE_OR_POP -> 1;
            default -> Math.max(0, -op.stackEffect(arg, false));
        };
    }

    private void checkStack() {
        int count = code.length() / Opcode.SIZE;
        int[] depth = new int[count];
        Arrays.fill(depth, -1);
        ArrayDeque<int[]> work = new ArrayDeque<>();
        work.push(new int[] {0, 0, -1});
        while (!work.isEmpty()) {
            int[] item = work.pop();
            int pc = item[0];
            int d = item[1];
            if (pc >= code.length()) {
                throw fail(item[2], "execution falls off the end of the code");
            }
            int i = pc / Opcode.SIZE;
            if (depth[i] >= 0) {
                if (depth[i] != d) {
                    throw fail(pc, "stack depth " + d + " on one path, " + depth[i] + " on another (from offset "
                            + item[2] + ")");
                }
                continue;
            }
            depth[i] = d;
            Opcode op = code.opcodeAt(pc);
            int arg = code.argAt(pc);
            if (d > code.stackSize()) {
                throw fail(pc, "stack depth " + d + " exceeds stackSize " + code.stackSize());
            }
            if (inputs(op, arg) > d) {
                throw fail(pc, "needs " + inputs(op, arg) + " stack items, has " + d);
            }
            ExceptionEntry h = code.handlerFor(pc);
            if (h != null) {
                if (h.depth() > d) {
                    throw fail(pc, "handler depth " + h.depth() + " above the stack depth " + d);
                }
                work.push(new int[] {h.handler(), h.depth() + 1, pc});
            }
            if (op.isJump()) {
                work.push(new int[] {arg, d + op.stackEffect(arg, true), pc});
            }
            if (!op.endsBlock()) {
                int next = d + op.stackEffect(arg, false);
                if (next > code.stackSize()) {
                    throw fail(pc, "stack depth " + next + " exceeds stackSize " + code.stackSize());
                }
                work.push(new int[] {pc + Opcode.SIZE, next, pc});
            }
        }
    }
}
