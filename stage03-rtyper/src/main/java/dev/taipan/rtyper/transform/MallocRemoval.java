package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Malloc removal, or scalar replacement (PyPy's {@code backendopt/malloc.py}): an object that is
 * made with {@code malloc} and never leaves its graph is not made at all. Each of its fields
 * becomes a variable, passed from block to block as the links' arguments; a {@code getfield} is
 * the variable, a {@code setfield} a new value for it, and the allocation, the casts and the
 * null tests vanish. The range and its iterator of {@code for i in range(n)} are the classic case:
 * the loop's counter stops living in memory and becomes a block argument, which a register
 * allocator later keeps in a register. Tuples returned by a function inlined into its caller
 * ({@link Inlining} runs first, as in PyPy) go the same way, and so do small instances that a
 * function makes and reads itself.
 *
 * <p>Which objects qualify is {@link Lifetime}'s proof; how one is taken apart is below. Each
 * removal can make another possible (a tuple that held a pointer to a second non-escaping
 * object stored it: now it does not), so the pass repeats until no malloc qualifies.
 */
public final class MallocRemoval implements GraphPass {

    @Override
    public String name() {
        return "malloc-removal";
    }

    @Override
    public String description() {
        return "scalar replacement: a GcStruct malloc'd and never escaping its graph becomes one variable per field";
    }

    @Override
    public LowLevelProgram apply(LowLevelProgram program) {
        for (LowLevelGraph g : program.graphs()) {
            removeMallocs(g);
        }
        return program;
    }

    /**
     * Removes every malloc of {@code graph} that never escapes; returns how many. One sweep tries
     * each malloc once, in the graph's order; taking an object apart may free another (one stored
     * only in the first's fields), so sweeps repeat until one removes nothing. Trying an escaping
     * malloc again only once per sweep, not once per removal, one {@link PointerAliases} per
     * sweep, and a rewrite that visits only the blocks that see the object keep a big graph (a
     * long {@code entry_point} after inlining, hundreds of mallocs) linear in the sweeps.
     */
    public static int removeMallocs(LowLevelGraph graph) {
        int removed = 0;
        int before;
        do {
            before = removed;
            List<SpaceOperation> mallocs = mallocs(graph);
            if (mallocs.isEmpty()) {
                break;   // most helper graphs: no union-find to build
            }
            PointerAliases aliases = new PointerAliases(graph.graph());
            for (SpaceOperation malloc : mallocs) {
                Block b = aliases.blockOf(malloc);
                Optional<Lifetime> life = b == null ? Optional.empty() : Lifetime.of(graph, aliases, malloc, b);
                if (life.isPresent()) {
                    new Rewrite(life.get(), malloc).run();
                    removed++;
                }
            }
        } while (removed > before);
        return removed;
    }

    private static List<SpaceOperation> mallocs(LowLevelGraph graph) {
        List<SpaceOperation> out = new ArrayList<>();
        for (Block b : graph.graph().iterblocks()) {
            for (SpaceOperation op : b.operations) {
                if (op.op() == LLOp.MALLOC) {
                    out.add(op);
                }
            }
        }
        return out;
    }

    /** Takes one object apart: every block that sees it gets one variable per leaf instead. */
    private static final class Rewrite {
        private final Lifetime life;
        private final SpaceOperation malloc;
        private final LowLevelGraph graph;
        private final List<String> paths;
        /** The positions of each block's input arguments that hold the object, before the rewrite. */
        private final Map<Block, List<Integer>> carried = new IdentityHashMap<>();
        /** The leaves' values at the end of each block that has the object. */
        private final Map<Block, Map<String, Value>> atEnd = new IdentityHashMap<>();

        Rewrite(Lifetime life, SpaceOperation malloc) {
            this.life = life;
            this.malloc = malloc;
            this.graph = life.graph();
            this.paths = life.flat().paths();
        }

        /**
         * Visits only the blocks of the lifetime: every block that receives the object defines a
         * member, and so does every block whose exits pass it.
         */
        void run() {
            FunctionGraph fg = graph.graph();
            List<Block> blocks = life.blocks();
            for (Block b : blocks) {
                List<Integer> positions = new ArrayList<>();
                for (int i = 0; i < b.inputargs.size(); i++) {
                    if (life.holds(b.inputargs.get(i))) {
                        positions.add(i);
                    }
                }
                carried.put(b, positions);
            }
            for (Block b : blocks) {
                if (b != fg.returnblock && b != fg.exceptblock) {
                    rewriteBlock(b);
                }
            }
            for (Block b : blocks) {
                for (Link l : b.exits) {
                    rewriteLink(b, l);
                }
            }
            for (Block b : blocks) {
                List<Integer> positions = carried.get(b);
                if (!positions.isEmpty()) {
                    b.inputargs = without(b.inputargs, positions);
                    b.inputargs.addAll(entryVariables.get(b));
                }
            }
        }

        /** The fresh input arguments (one per leaf) of the blocks that receive the object. */
        private final Map<Block, List<Variable>> entryVariables = new IdentityHashMap<>();

        private void rewriteBlock(Block b) {
            Map<String, Value> leaves = null;
            if (!carried.get(b).isEmpty()) {
                leaves = new HashMap<>();
                List<Variable> fresh = new ArrayList<>();
                for (String path : paths) {
                    Variable v = new Variable(leafName(path));
                    graph.setType(v, life.flat().leaves().get(path));
                    leaves.put(path, v);
                    fresh.add(v);
                }
                entryVariables.put(b, fresh);
            }
            Map<Variable, Value> renamed = new IdentityHashMap<>();
            List<SpaceOperation> kept = new ArrayList<>();
            for (SpaceOperation op : b.operations) {
                if (op == malloc) {
                    leaves = new HashMap<>();
                    for (String path : paths) {
                        leaves.put(path, FlatStruct.zero(life.flat().leaves().get(path)));
                    }
                    continue;
                }
                if (!touches(op)) {
                    kept.add(renamed.isEmpty() ? op : op.withArgs(op.args().stream().map(a -> rename(a, renamed)).toList()));
                    continue;
                }
                switch ((LLOp) op.op()) {
                    case GETFIELD -> renamed.put(op.result(), leaves.get(leaf(op)));
                    case SETFIELD -> leaves.put(leaf(op), rename(op.args().get(2), renamed));
                    case PTR_NONZERO, PTR_EQ -> renamed.put(op.result(), LLConstant.of(true, Primitive.BOOL));
                    case PTR_ISZERO, PTR_NE -> renamed.put(op.result(), LLConstant.of(false, Primitive.BOOL));
                    default -> { }   // cast_pointer, same_as, getsubstruct: another view of the same leaves
                }
            }
            if (b.exitswitch instanceof Variable v && renamed.containsKey(v)) {
                Value now = renamed.get(v);
                if (now instanceof Constant) {   // a switch stays on a variable: the constant folder decides it
                    kept.add(new SpaceOperation(LLOp.SAME_AS, List.of(now), v, malloc.line()));
                } else {
                    b.exitswitch = now;
                }
            }
            b.operations = kept;
            for (Link l : b.exits) {
                l.args = new ArrayList<>(l.args.stream().map(a -> rename(a, renamed)).toList());
            }
            if (leaves != null) {
                atEnd.put(b, leaves);
            }
        }

        /** Whether {@code op} works on the object (then it goes away). */
        private boolean touches(SpaceOperation op) {
            return !op.args().isEmpty() && life.holds(op.args().getFirst());
        }

        private String leaf(SpaceOperation op) {
            return life.view(op.args().getFirst()) + ((LLConstant) ((Constant) op.args().get(1)).value()).value();
        }

        private void rewriteLink(Block from, Link l) {
            List<Integer> positions = carried.get(l.target);
            if (positions == null || positions.isEmpty()) {
                return;
            }
            List<Value> args = without(l.args, positions);
            Map<String, Value> leaves = atEnd.get(from);
            for (String path : paths) {
                args.add(leaves.get(path));
            }
            l.args = args;
        }

        private static Value rename(Value v, Map<Variable, Value> renamed) {
            return v instanceof Variable var && renamed.containsKey(var) ? renamed.get(var) : v;
        }

        private static <T> List<T> without(List<T> values, List<Integer> positions) {
            List<T> out = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (!positions.contains(i)) {
                    out.add(values.get(i));
                }
            }
            return out;
        }

        /** {@code next} for the leaf {@code next}, {@code super_typeptr} for {@code super.typeptr}. */
        private static String leafName(String path) {
            return path.replace('.', '_');
        }
    }
}
