package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.rtyper.llgraph.KnownSwitch;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.transform.ConstantLattice.Known;
import dev.taipan.rtyper.transform.ConstantLattice.Undefined;
import dev.taipan.rtyper.transform.ConstantLattice.Varying;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Sparse conditional constant propagation (Wegman and Zadeck, TOPLAS 1991), on flow graphs:
 * every variable starts unknown ({@link ConstantLattice}: {@code ⊤}) and every block
 * unexecuted; the start block executes with varying parameters. Executing a block computes its
 * operations from what is known of their operands (a pure operation on constants is folded by
 * the catalogue, as {@link ConstantFolding} folds it) and makes its exits <em>feasible</em>: all of
 * them, or, on a switch known to be a constant, only the one it takes, or, after an operation
 * that may raise but does not on its constants, only the normal one. A feasible link meets what
 * it passes into its target's input arguments and executes the target. The work is repeated for
 * a block only when one of its input arguments moves down, at most twice each: a sweep or two
 * over the graph.
 *
 * <p>With block arguments instead of phi nodes the algorithm's two worklists become one: a
 * variable is used only in the block that defines it, so the SSA edges that leave a block are its
 * links, and the flow edges are those links too.
 *
 * <p>What it finds that {@link ConstantFolding} cannot: a value that flows around a loop. The
 * step of {@code for i in range(n)}, once malloc removal has made it a block argument, is passed
 * to the loop's head as the constant 1 on entry and as itself on the back edge; a folder that
 * only trusts arguments every entering link passes as the same constant never sees it, since the
 * back edge passes a variable. Optimistically, the head's argument is 1 until shown otherwise, the
 * back edge passes it back unchanged, and the test of its sign is folded with its branch.
 *
 * <p>The rewrite keeps the graph valid at once (a switch is on a variable, {@code CheckGraph}
 * says): constant variables become their constants (and leave the blocks' input arguments),
 * their operations go, a switch on a constant keeps its one link, a block whose raising operation
 * was folded loses its exception links. The blocks no executed link reaches are no longer
 * reached; {@link ConstantFolding}, after it, folds what is left.
 */
public final class SparseConstantPropagation implements GraphPass {

    public static final String NAME = "sccp";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "sparse conditional constant propagation: constants followed through links and around loops, branches never taken removed";
    }

    @Override
    public LowLevelProgram apply(LowLevelProgram program) {
        program.graphs().forEach(SparseConstantPropagation::propagate);
        return program;
    }

    /** Propagates the constants of {@code g} in place; returns how many variables became constants. */
    public static int propagate(LowLevelGraph g) {
        Analysis a = new Analysis(g);
        a.run();
        return rewrite(g, a);
    }

    /** The fixpoint: what each variable is, and which blocks execute. */
    private static final class Analysis {
        private final LowLevelGraph graph;
        private final Map<Variable, ConstantLattice> values = new IdentityHashMap<>();
        private final Set<Block> executable = Collections.newSetFromMap(new IdentityHashMap<>());
        private final ArrayDeque<Block> work = new ArrayDeque<>();
        private final Set<Block> queued = Collections.newSetFromMap(new IdentityHashMap<>());

        Analysis(LowLevelGraph graph) {
            this.graph = graph;
        }

        void run() {
            FunctionGraph fg = graph.graph();
            fg.startblock.inputargs.forEach(v -> values.put(v, ConstantLattice.VARYING));
            enqueue(fg.startblock);
            while (!work.isEmpty()) {
                Block b = work.poll();
                queued.remove(b);
                visit(b);
            }
        }

        ConstantLattice valueOf(Value v) {
            return switch (v) {
                case Constant c -> new Known(c);
                case Variable var -> values.getOrDefault(var, ConstantLattice.UNDEFINED);
            };
        }

        boolean executes(Block b) {
            return executable.contains(b);
        }

        private void enqueue(Block b) {
            if (queued.add(b)) {
                work.add(b);
            }
        }

        private void visit(Block b) {
            executable.add(b);
            for (SpaceOperation op : b.operations) {
                values.put(op.result(), valueOf(op.result()).meet(evaluate(op)));
            }
            for (Link l : feasibleExits(b)) {
                flow(l);
            }
        }

        /** What {@code op} gives, from what is known of its operands. */
        private ConstantLattice evaluate(SpaceOperation op) {
            if (!ConstantFolding.foldable(op)) {
                return ConstantLattice.VARYING;    // a call, a load, an allocation: not known at translation time
            }
            List<Value> constants = new ArrayList<>();
            boolean waiting = false;
            for (Value a : op.args()) {
                switch (valueOf(a)) {
                    case Varying v -> {
                        return ConstantLattice.VARYING;
                    }
                    case Undefined u -> waiting = true;
                    case Known(Constant c) -> constants.add(c);
                }
            }
            if (waiting) {
                return ConstantLattice.UNDEFINED;
            }
            Constant c = ConstantFolding.folded(graph, op.withArgs(constants));
            return c == null ? ConstantLattice.VARYING : new Known(c);   // null: it fails on these, at run time
        }

        private List<Link> feasibleExits(Block b) {
            if (b.exitswitch == null) {
                return b.exits;
            }
            if (b.canRaise()) {
                return switch (valueOf(b.raisingOp().result())) {
                    case Undefined u -> List.of();
                    case Known k -> List.of(b.exits.getFirst());   // it does not raise on its constants
                    case Varying v -> b.exits;
                };
            }
            return switch (valueOf(b.exitswitch)) {
                case Undefined u -> List.of();
                case Known(Constant c) -> b.exits.stream().filter(l -> takes(l, c)).toList();
                case Varying v -> b.exits;
            };
        }

        private void flow(Link l) {
            if (l.isException()) {
                values.put(l.lastException, ConstantLattice.VARYING);
                values.put(l.lastExcValue, ConstantLattice.VARYING);
            }
            Block target = l.target;
            boolean changed = !executable.contains(target);
            for (int i = 0; i < l.args.size(); i++) {
                Variable in = target.inputargs.get(i);
                ConstantLattice before = valueOf(in);
                ConstantLattice after = before.meet(valueOf(l.args.get(i)));
                if (!after.equals(before)) {
                    values.put(in, after);
                    changed = true;
                }
            }
            if (changed) {
                enqueue(target);
            }
        }
    }

    /** Whether a switch on the constant {@code c} takes {@code l} (a switch is on a bool, or on an int as its truth). */
    private static boolean takes(Link l, Constant c) {
        boolean truth = switch (((LLConstant) c.value()).value()) {
            case Boolean x -> x;
            case Long x -> x != 0;
            case Object x -> throw new IllegalStateException("a switch on the constant " + x);
        };
        return truth ? l.exitcase == PyBool.TRUE || Boolean.TRUE.equals(l.exitcase)
                : l.exitcase == PyBool.FALSE || Boolean.FALSE.equals(l.exitcase);
    }

    private static boolean usesAny(List<Value> values, Map<Variable, Value> known) {
        for (Value v : values) {
            if (v instanceof Variable var && known.containsKey(var)) {
                return true;
            }
        }
        return false;
    }

    private static int rewrite(LowLevelGraph g, Analysis a) {
        FunctionGraph fg = g.graph();
        List<Block> blocks = fg.iterblocks().stream().filter(a::executes).toList();
        Map<Variable, Value> known = new IdentityHashMap<>();
        for (Block b : blocks) {
            for (Variable v : b.getVariables()) {
                if (a.valueOf(v) instanceof Known(Constant c)) {
                    known.put(v, c);
                }
            }
        }
        if (known.isEmpty()) {
            return 0;
        }
        for (Block b : blocks) {
            boolean raisingFolded = b.canRaise() && known.containsKey(b.raisingOp().result());
            // a constant comes only from a pure operation: with its result replaced everywhere, it is dead
            List<SpaceOperation> kept = new ArrayList<>(b.operations.size());
            for (SpaceOperation op : b.operations) {
                if (!known.containsKey(op.result())) {
                    kept.add(usesAny(op.args(), known) ? op.withArgs(GraphEdit.rename(op.args(), known)) : op);
                }
            }
            b.operations = kept;
            for (Link l : b.exits) {
                if (usesAny(l.args, known)) {
                    l.args = new ArrayList<>(GraphEdit.rename(l.args, known));
                }
            }
            if (raisingFolded) {
                Link normal = b.exits.getFirst();
                Link plain = new Link(normal.args, normal.target, null);
                plain.line = normal.line;
                b.exitswitch = null;
                b.closeblock(plain);
            } else if (b.exitswitch instanceof Variable v && known.containsKey(v)) {
                b.exitswitch = known.get(v);
                KnownSwitch.fold(b);
            }
        }
        Map<Block, List<Link>> entries = fg.mkentrymap();
        for (Block b : blocks) {
            if (b == fg.startblock || b == fg.returnblock || b == fg.exceptblock) {
                continue;    // their arguments are the graph's signature
            }
            for (int k = b.inputargs.size() - 1; k >= 0; k--) {
                if (known.containsKey(b.inputargs.get(k))) {
                    b.inputargs.remove(k);
                    int index = k;
                    entries.get(b).forEach(l -> l.args.remove(index));
                }
            }
        }
        return known.size();
    }
}
