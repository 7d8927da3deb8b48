package dev.taipan.x86.gen;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.x86.regalloc.LinearScan.Interval;
import dev.taipan.x86.regalloc.LinearScan.RegClass;
import dev.taipan.x86.regalloc.Location;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * The live interval of every variable of a graph, for {@link dev.taipan.x86.regalloc.LinearScan}.
 *
 * <p><b>Numbering.</b> The blocks are laid out in {@link #order} and their program points
 * numbered in that order: a block's entry (where its input variables are born), then two
 * numbers per operation (its operands are read at the even one, its result is written at the
 * odd one after it, so an operand that dies there can give its register to the result), then
 * the exit (where the switch and the links' arguments are read).
 *
 * <p><b>Why no dataflow.</b> After stage 04 a graph is in SSA form with block arguments: a
 * variable is used only in the block that defines it, values cross blocks only as link
 * arguments (the shadow-stack pass relies on the same fact). So each interval lies inside one
 * block, from its definition to its last use there, and it is exact: no global liveness is
 * needed. A variable used in a block that does not define it is reported, not guessed at.
 *
 * <p><b>Calls.</b> An interval is live across a call when the call's point lies strictly inside
 * it: defined before and still needed after. Its arguments die at the call, its result is born
 * after it; neither is across.
 */
final class LiveRanges {

    final List<Interval> intervals = new ArrayList<>();
    final List<Variable> variables = new ArrayList<>();
    private final Map<Variable, Integer> ids = new IdentityHashMap<>();
    private final Map<Variable, int[]> span = new IdentityHashMap<>();
    private final Map<Variable, Set<Variable>> partners = new IdentityHashMap<>();
    private final Map<Variable, Location> hints = new IdentityHashMap<>();
    private final List<Integer> calls = new ArrayList<>();
    private final List<Integer> entries = new ArrayList<>();
    private final Function<Value, LowLevelType> types;

    /**
     * The intervals of {@code graph}'s variables (of the given {@code types}) in the block order {@code order}, except those
     * of type {@code Void} (no bits) and those in {@code unmaterialized} (a comparison fused into
     * its branch never holds a value); {@link InstructionSelector#calls} says which operations
     * destroy the caller-saved registers.
     */
    LiveRanges(LowLevelGraph graph, Function<Value, LowLevelType> types, List<Block> order, Set<Variable> unmaterialized) {
        this.types = types;
        hintArguments(graph, graph.graph().startblock.inputargs);
        int pos = 0;
        for (Block b : order) {
            entries.add(pos);
            Set<Variable> defined = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Variable v : b.inputargs) {
                define(graph, v, pos, defined, unmaterialized);
            }
            for (int k = 0; k < b.operations.size(); k++) {
                SpaceOperation op = b.operations.get(k);
                int at = pos + 2 * (k + 1);
                InstructionSelector.Calls kind = InstructionSelector.calls(op);
                // Operands read between calls are read, in effect, after the first one.
                int read = kind == InstructionSelector.Calls.BETWEEN_OPERANDS ? at + 1 : at;
                for (Value a : op.args()) {
                    use(graph, a, read, defined, b);
                }
                if (kind != InstructionSelector.Calls.NONE) {
                    calls.add(at);
                }
                if (op.op() == LLOp.DIRECT_CALL) {
                    hintArguments(graph, op.args().subList(1, op.args().size()));
                }
                define(graph, op.result(), at + 1, defined, unmaterialized);
                // An instruction that overwrites its first operand wants its result there.
                if (!op.args().isEmpty() && op.args().getFirst() instanceof Variable first) {
                    pair(op.result(), first);
                }
            }
            int exit = pos + 2 * (b.operations.size() + 1);
            if (b.exitswitch instanceof Variable s && !unmaterialized.contains(s)) {
                use(graph, s, exit, defined, b);
            }
            for (Link l : b.exits) {
                for (int k = 0; k < l.args.size(); k++) {
                    use(graph, l.args.get(k), exit, defined, b);
                    if (l.args.get(k) instanceof Variable v && k < l.target.inputargs.size()) {
                        pair(v, l.target.inputargs.get(k));
                    }
                }
            }
            pos = exit + 2;
        }
        for (Variable v : variables) {
            int[] s = span.get(v);
            boolean float_ = types.apply(v) == Primitive.FLOAT;
            List<Integer> with = partners.getOrDefault(v, Set.of()).stream()
                    .map(ids::get).filter(Objects::nonNull).toList();
            Location hint = hints.get(v);
            intervals.add(new Interval(ids.get(v), s[0], s[1], float_ ? RegClass.FLOAT : RegClass.INT,
                    acrossCall(s[0], s[1]), with, hint == null ? List.of() : List.of(hint)));
        }
    }

    /** The program point of each block's entry, in the block order. */
    List<Integer> blockEntries() {
        return List.copyOf(entries);
    }

    /** The program points of the operations that call. */
    List<Integer> callPoints() {
        return List.copyOf(calls);
    }

    /** {@code vs} would like the registers the calling convention passes them in. */
    private void hintArguments(LowLevelGraph graph, List<? extends Value> vs) {
        List<Location> regs = CallingConvention.registers(vs.stream().map(types::apply).toList());
        for (int k = 0; k < vs.size(); k++) {
            if (vs.get(k) instanceof Variable v && regs.get(k) != null) {
                hints.putIfAbsent(v, regs.get(k));
            }
        }
    }

    private void define(LowLevelGraph graph, Variable v, int at, Set<Variable> defined, Set<Variable> unmaterialized) {
        if (v == null) {
            return;
        }
        defined.add(v);
        if (types.apply(v) == Primitive.VOID || unmaterialized.contains(v) || ids.containsKey(v)) {
            return;
        }
        ids.put(v, variables.size());
        variables.add(v);
        span.put(v, new int[] {at, at});
    }

    private void use(LowLevelGraph graph, Value a, int at, Set<Variable> defined, Block b) {
        if (!(a instanceof Variable v) || types.apply(v) == Primitive.VOID) {
            return;
        }
        if (!defined.contains(v)) {
            throw new NotSelectedError("a block that uses " + v + " without defining it (not SSA with block arguments: "
                    + b + ")", graph.name());
        }
        int[] s = span.get(v);
        if (s != null) {
            s[1] = Math.max(s[1], at);
        }
    }

    private void pair(Variable a, Variable b) {
        if (a != null && b != null && a != b) {
            partners.computeIfAbsent(a, k -> new LinkedHashSet<>()).add(b);
            partners.computeIfAbsent(b, k -> new LinkedHashSet<>()).add(a);
        }
    }

    private boolean acrossCall(int start, int end) {
        int i = Collections.binarySearch(calls, start + 1);
        int first = i >= 0 ? i : -i - 1;
        return first < calls.size() && calls.get(first) < end;
    }

    /**
     * The blocks in reverse postorder from the start: every block after the blocks that reach it
     * (but along back edges), so a loop's body follows its head and a jump to the next block in
     * this order becomes no jump at all.
     */
    static List<Block> order(Block start) {
        List<Block> post = new ArrayList<>();
        Set<Block> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        // An explicit stack of (block, next exit to visit): graphs can be deep enough to overflow Java's.
        List<Object[]> stack = new ArrayList<>();
        seen.add(start);
        stack.add(new Object[] {start, 0});
        while (!stack.isEmpty()) {
            Object[] top = stack.getLast();
            Block b = (Block) top[0];
            int next = (Integer) top[1];
            if (next < b.exits.size()) {
                top[1] = next + 1;
                Block t = b.exits.get(next).target;
                if (seen.add(t)) {
                    stack.add(new Object[] {t, 0});
                }
            } else {
                post.add(b);
                stack.removeLast();
            }
        }
        return new ArrayList<>(post.reversed());
    }
}
