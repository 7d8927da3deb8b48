package dev.taipan.flowgraph.compiler;

import dev.taipan.flowgraph.syntax.Pos;
import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.bytecode.Code;
import dev.taipan.flowgraph.bytecode.ExceptionEntry;
import dev.taipan.flowgraph.bytecode.Opcode;
import dev.taipan.flowgraph.syntax.Ast;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The assembler: collects the instructions of one code object, with symbolic labels, and turns
 * them into a {@link Code}.
 *
 * <p>Three things are computed here rather than by the compiler proper:
 * <ul>
 *   <li><b>Jump offsets.</b> Instructions have a fixed width, so a label's offset is just its
 *       instruction index times {@link Opcode#SIZE}; one pass resolves every jump.</li>
 *   <li><b>The exception table.</b> The compiler says, while it emits, which handler is active
 *       ({@link #setHandler}); every instruction remembers its innermost handler. Runs of
 *       instructions with the same handler become one {@link ExceptionEntry}. So rows never
 *       overlap, and "innermost first" holds trivially: nested {@code try}s produce the inner
 *       range as its own row and the outer range cut around it.</li>
 *   <li><b>The stack size.</b> A flow over the instructions: from offset 0 and from each handler
 *       (entered with the handler's depth plus the exception), following fall-through and jump
 *       edges with {@link Opcode#stackEffect}.</li>
 * </ul>
 *
 * <p>Code that follows an unconditional transfer ({@code return}, {@code raise}, a jump) and
 * precedes the next label can never run; it is dropped as it is emitted, so dead code after a
 * {@code return} costs nothing and does not confuse the stack-depth flow.
 */
final class CodeBuilder {

    /** A jump target; bound to an instruction index once its position is known. */
    static final class Label {
        int index = -1;
    }

    /** An exception handler: where it starts, and how many stack items survive when it runs. */
    record Handler(Label label, int depth) {}

    private int[] ops = new int[64];
    private int[] args = new int[64];
    private int[] lines = new int[64];
    private int[] columns = new int[64];
    private Label[] targets = new Label[64];
    private Handler[] handlers = new Handler[64];
    private int count;
    private boolean reachable = true;
    private Handler handler;
    private int line = 1;
    /** The columns of the expression being compiled on {@link #line}, packed as in {@link Code#columns}. */
    private int column = Code.NO_COLUMNS;

    private final List<Object> consts = new ArrayList<>();
    private final Map<Object, Integer> constIndex = new HashMap<>();
    private final Map<String, Integer> names = new LinkedHashMap<>();

    void setLine(int line) {
        this.line = line;
        this.column = Code.NO_COLUMNS;
    }

    /** Instructions emitted from now on come from the source at {@code p} (its line, and its columns if on one line). */
    void setPos(Pos p) {
        this.line = p.line();
        this.column = Code.packColumns(p.col(), p.endLine() == p.line() ? p.endCol() : -1);
    }

    /** The current position, to restore with {@link #setPos} after a nested expression. */
    Pos pos() {
        int start = Code.startColumn(column);
        int end = Code.endColumn(column);
        return new Pos(line, start, end < 0 ? line + 1 : line, end);
    }

    int line() {
        return line;
    }

    Handler handler() {
        return handler;
    }

    /** Instructions emitted from now on are covered by {@code h} (null: none). */
    void setHandler(Handler h) {
        handler = h;
    }

    boolean isReachable() {
        return reachable;
    }

    void emit(Opcode op) {
        emit(op, 0);
    }

    void emit(Opcode op, int arg) {
        if (!reachable) {
            return;
        }
        if (arg < 0 || arg >= 1 << 24) {
            throw new IllegalStateException("argument out of range: " + op + " " + arg);
        }
        grow();
        ops[count] = op.ordinal();
        args[count] = arg;
        lines[count] = line;
        columns[count] = column;
        handlers[count] = handler;
        count++;
        if (op.endsBlock()) {
            reachable = false;
        }
    }

    void emitJump(Opcode op, Label target) {
        if (!reachable) {
            return;
        }
        grow();
        targets[count] = target;
        emit(op, 0);
    }

    void bind(Label label) {
        label.index = count;
        reachable = true;
    }

    private void grow() {
        if (count == ops.length) {
            int n = count * 2;
            ops = Arrays.copyOf(ops, n);
            args = Arrays.copyOf(args, n);
            lines = Arrays.copyOf(lines, n);
            columns = Arrays.copyOf(columns, n);
            targets = Arrays.copyOf(targets, n);
            handlers = Arrays.copyOf(handlers, n);
        }
    }

    int addName(String name) {
        Integer i = names.get(name);
        if (i == null) {
            i = names.size();
            names.put(name, i);
        }
        return i;
    }

    /**
     * The index of constant {@code value}, shared with an equal constant already in the pool.
     * "Equal" is Python's identity of values, stricter than Java's {@code equals}: {@code 1},
     * {@code 1.0} and {@code True} are three constants, and so are {@code 0.0} and {@code -0.0}.
     */
    int addConst(Object value) {
        if (value instanceof Code) {
            consts.add(value);
            return consts.size() - 1;
        }
        Object key = constKey(value);
        Integer i = constIndex.get(key);
        if (i == null) {
            i = consts.size();
            consts.add(value);
            constIndex.put(key, i);
        }
        return i;
    }

    /** A key that distinguishes constants by type, and floats by bit pattern. */
    private static Object constKey(Object v) {
        return switch (v) {
            case Double d -> new FloatKey(Double.doubleToRawLongBits(d));
            case List<?> l -> l.stream().map(CodeBuilder::constKey).toList();
            case Long l -> new TypedKey(Long.class, l);
            case BigInteger b -> new TypedKey(BigInteger.class, b);
            case Boolean b -> new TypedKey(Boolean.class, b);
            case String s -> new TypedKey(String.class, s);
            case Ast.Bytes b -> new TypedKey(Ast.Bytes.class, b);
            case Ast.Singleton s -> s;
            default -> throw new IllegalArgumentException("not a constant: " + v.getClass().getName());
        };
    }

    private record FloatKey(long bits) {}

    private record TypedKey(Class<?> type, Object value) {}

    // ------------------------------------------------------------------ assembly

    Code build(String name, String qualname, SourceFile source, int firstLine, int argCount,
               int posOnlyArgCount, int kwOnlyArgCount, int flags, List<String> varnames,
               List<String> cellvars, List<String> freevars) {
        byte[] code = new byte[count * Opcode.SIZE];
        for (int i = 0; i < count; i++) {
            int arg = args[i];
            if (targets[i] != null) {
                if (targets[i].index < 0) {
                    throw new IllegalStateException("unbound label in " + qualname);
                }
                arg = targets[i].index * Opcode.SIZE;
                args[i] = arg;
            }
            int at = i * Opcode.SIZE;
            code[at] = (byte) ops[i];
            code[at + 1] = (byte) arg;
            code[at + 2] = (byte) (arg >> 8);
            code[at + 3] = (byte) (arg >> 16);
        }
        return new Code(name, qualname, source, firstLine, argCount, posOnlyArgCount, kwOnlyArgCount,
                flags, List.copyOf(varnames), List.copyOf(cellvars), List.copyOf(freevars),
                List.copyOf(names.keySet()), List.copyOf(consts), code, Arrays.copyOf(lines, count),
                exceptionTable(), stackSize(), Arrays.copyOf(columns, count));
    }

    private List<ExceptionEntry> exceptionTable() {
        List<ExceptionEntry> table = new ArrayList<>();
        int i = 0;
        while (i < count) {
            Handler h = handlers[i];
            int start = i;
            while (i < count && handlers[i] == h) {
                i++;
            }
            if (h != null) {
                table.add(new ExceptionEntry(start * Opcode.SIZE, i * Opcode.SIZE,
                        h.label().index * Opcode.SIZE, h.depth()));
            }
        }
        return table;
    }

    /** Maximum stack depth, by a flow over all paths (normal and exceptional). */
    private int stackSize() {
        int[] depth = new int[count + 1];
        Arrays.fill(depth, -1);
        ArrayDeque<int[]> work = new ArrayDeque<>();
        work.push(new int[] {0, 0});
        int max = 0;
        while (!work.isEmpty()) {
            int[] item = work.pop();
            int i = item[0];
            int d = item[1];
            if (i >= count || depth[i] >= 0) {
                continue;
            }
            depth[i] = d;
            max = Math.max(max, d);
            Opcode op = Opcode.of(ops[i]);
            if (handlers[i] != null) {
                int hd = handlers[i].depth() + 1;
                max = Math.max(max, hd);
                work.push(new int[] {handlers[i].label().index, hd});
            }
            if (targets[i] != null) {
                int jd = d + op.stackEffect(args[i], true);
                max = Math.max(max, jd);
                work.push(new int[] {targets[i].index, jd});
            }
            if (!op.endsBlock()) {
                int nd = d + op.stackEffect(args[i], false);
                max = Math.max(max, nd);
                work.push(new int[] {i + 1, nd});
            }
        }
        return max;
    }
}
