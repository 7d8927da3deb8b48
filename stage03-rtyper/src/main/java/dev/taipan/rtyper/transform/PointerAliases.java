package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.lloperation.LLOp;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which variables of a graph may hold the same object (PyPy's {@code compute_lifetimes}): every
 * link argument is joined with the input argument it becomes, and every {@code cast_pointer},
 * {@code same_as} and {@code getsubstruct} result with its operand, in a union-find; a class of
 * the union-find is one object's lifetime candidate. Also where each variable is defined and
 * which links enter each block, which is all {@link Lifetime} needs to look at a class without
 * walking the whole graph.
 *
 * <p>Computed once per sweep of {@link MallocRemoval} and shared by every malloc it tries, even
 * after a rewrite has taken another object apart ({@link Lifetime} checks a class against the
 * graph as it is now): a long {@code entry_point} after inlining has hundreds of mallocs, and one
 * walk of the graph per malloc (or per removal) made the pass quadratic in the graph's size.
 */
final class PointerAliases {
    private final FunctionGraph graph;
    private final Map<Variable, Variable> parent = new IdentityHashMap<>();
    private final Map<Variable, Set<Variable>> classes = new IdentityHashMap<>();
    /** The block whose input arguments or operations define each variable (link-defined ones are absent). */
    private final Map<Variable, Block> definedIn = new IdentityHashMap<>();
    /** The block of each operation, by identity. */
    private final Map<SpaceOperation, Block> blockOf = new IdentityHashMap<>();
    private final Map<Block, List<Link>> entries;
    /** Each block's position in {@link FunctionGraph#iterblocks}, so that work over a set of blocks keeps one order. */
    private final Map<Block, Integer> order = new IdentityHashMap<>();

    PointerAliases(FunctionGraph graph) {
        this.graph = graph;
        List<Block> blocks = graph.iterblocks();
        for (Block b : blocks) {
            order.put(b, order.size());
            b.inputargs.forEach(v -> definedIn.put(v, b));
            for (SpaceOperation op : b.operations) {
                definedIn.put(op.result(), b);
                blockOf.put(op, b);
                if (aliases(op)) {
                    union(op.result(), op.args().getFirst());
                }
            }
            for (Link l : b.exits) {
                for (int i = 0; i < l.args.size(); i++) {
                    if (i < l.target.inputargs.size()) {
                        union(l.args.get(i), l.target.inputargs.get(i));
                    }
                }
            }
        }
        for (Variable v : List.copyOf(parent.keySet())) {
            classes.computeIfAbsent(find(v), k -> Collections.newSetFromMap(new IdentityHashMap<>())).add(v);
        }
        this.entries = graph.mkentrymap();
    }

    /** Operations whose result is the same object as their first operand. */
    static boolean aliases(SpaceOperation op) {
        return op.op() == LLOp.CAST_POINTER || op.op() == LLOp.SAME_AS || op.op() == LLOp.GETSUBSTRUCT;
    }

    FunctionGraph graph() {
        return graph;
    }

    /** Every variable that may hold what {@code v} holds, {@code v} included. */
    Set<Variable> classOf(Variable v) {
        Set<Variable> out = Collections.newSetFromMap(new IdentityHashMap<>());
        out.add(v);
        out.addAll(classes.getOrDefault(find(v), Set.of()));
        return out;
    }

    /** The block that defines {@code v}, or null for a link's {@code last_exception} variables. */
    Block definedIn(Variable v) {
        return definedIn.get(v);
    }

    /** The block that holds {@code op} now, or null when a rewrite replaced or removed it. */
    Block blockOf(SpaceOperation op) {
        return blockOf.get(op);
    }

    /** {@code blocks} in the graph's order. */
    List<Block> inGraphOrder(Set<Block> blocks) {
        return blocks.stream().sorted(Comparator.comparing(order::get)).toList();
    }

    List<Link> entries(Block b) {
        return entries.getOrDefault(b, List.of());
    }

    /** The root of {@code v}'s class, compressing the path to it (a loop, not a recursion: chains get long). */
    private Variable find(Variable v) {
        Variable root = v;
        for (Variable p = parent.getOrDefault(root, root); p != root; p = parent.getOrDefault(root, root)) {
            root = p;
        }
        for (Variable x = v; x != root; ) {
            Variable next = parent.get(x);
            parent.put(x, root);
            x = next;
        }
        return root;
    }

    private void union(Value a, Value b) {
        if (a instanceof Variable x && b instanceof Variable y) {
            parent.putIfAbsent(x, x);
            parent.putIfAbsent(y, y);
            Variable rx = find(x);
            Variable ry = find(y);
            if (rx != ry) {
                parent.put(rx, ry);
            }
        }
    }
}
