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
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The lifetime of one malloc'd object inside its graph, and the proof that it never escapes
 * (PyPy's {@code malloc.py}, {@code compute_lifetimes} and {@code _try_inline_malloc}, redone):
 * the variables that may hold a pointer to it, found by joining every link argument with the
 * input argument it becomes and every {@code cast_pointer}, {@code same_as} and
 * {@code getsubstruct} result with its operand (a union-find), and the checks that make taking
 * the object apart safe:
 *
 * <ul>
 *   <li>the malloc is the only place the pointers come from: no other operation's result, no
 *       constant, no parameter of the graph, no caught exception flows into them;</li>
 *   <li>they are only read and written field by field, cast, or tested against null or each
 *       other: never stored, passed to a call, returned, raised, or compared with another
 *       object;</li>
 *   <li>the block of the malloc receives none of them: so in every block, all the variables of
 *       the lifetime hold the same object (the one made in this iteration of a loop, never the
 *       last iteration's), and one set of leaf variables per block is enough.</li>
 * </ul>
 */
final class Lifetime {

    private final LowLevelGraph graph;
    private final FlatStruct flat;
    private final Set<Variable> members;
    private final Map<Variable, String> views;

    private Lifetime(LowLevelGraph graph, FlatStruct flat, Set<Variable> members, Map<Variable, String> views) {
        this.graph = graph;
        this.flat = flat;
        this.members = members;
        this.views = views;
    }

    FlatStruct flat() {
        return flat;
    }

    boolean holds(Value v) {
        return v instanceof Variable var && members.contains(var);
    }

    /** The path, inside the object, of the struct a member points to. */
    String view(Value member) {
        return views.get((Variable) member);
    }

    LowLevelGraph graph() {
        return graph;
    }

    /** The lifetime of the object {@code malloc} (in {@code home}) makes, if it never escapes. */
    static Optional<Lifetime> of(LowLevelGraph graph, SpaceOperation malloc, Block home) {
        if (!(malloc.args().getFirst() instanceof Constant(LLConstant k) && k.value() instanceof StructType root)) {
            return Optional.empty();
        }
        Optional<FlatStruct> flat = FlatStruct.of(root);
        if (flat.isEmpty()) {
            return Optional.empty();
        }
        FunctionGraph fg = graph.graph();
        UnionFind pointers = new UnionFind();
        for (Block b : fg.iterblocks()) {
            for (SpaceOperation op : b.operations) {
                if (aliases(op)) {
                    pointers.union(op.result(), op.args().getFirst());
                }
            }
            for (Link l : b.exits) {
                for (int i = 0; i < l.args.size(); i++) {
                    if (l.args.get(i) instanceof Variable v && i < l.target.inputargs.size()) {
                        pointers.union(v, l.target.inputargs.get(i));
                    }
                }
            }
        }
        Set<Variable> members = pointers.classOf(malloc.result());
        Map<Variable, String> views = new IdentityHashMap<>();
        for (Variable v : members) {
            if (!(graph.typeOf(v) instanceof Ptr p)) {
                return Optional.empty();
            }
            Optional<String> view = flat.get().viewOf(p.to());
            if (view.isEmpty()) {
                return Optional.empty();
            }
            views.put(v, view.get());
        }
        Lifetime life = new Lifetime(graph, flat.get(), members, views);
        return life.escapes(fg, malloc, home) ? Optional.empty() : Optional.of(life);
    }

    /** Operations whose result is the same object as their first operand. */
    private static boolean aliases(SpaceOperation op) {
        return op.op() == LLOp.CAST_POINTER || op.op() == LLOp.SAME_AS || op.op() == LLOp.GETSUBSTRUCT;
    }

    private boolean escapes(FunctionGraph fg, SpaceOperation malloc, Block home) {
        Set<Variable> defined = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<Block, List<Link>> entries = fg.mkentrymap();
        for (Block b : fg.iterblocks()) {
            for (int i = 0; i < b.inputargs.size(); i++) {
                Variable in = b.inputargs.get(i);
                if (!members.contains(in)) {
                    continue;
                }
                if (b == fg.startblock || b == home || b == fg.returnblock || b == fg.exceptblock) {
                    return true;    // a parameter, the last iteration's object, a result, an exception
                }
                for (Link l : entries.get(b)) {
                    if (!holds(l.args.get(i))) {
                        return true;    // another object (or null) may arrive here
                    }
                }
                defined.add(in);
            }
            for (SpaceOperation op : b.operations) {
                for (int i = 0; i < op.args().size(); i++) {
                    if (holds(op.args().get(i)) && !harmlessUse(op, i)) {
                        return true;
                    }
                }
                if (members.contains(op.result())) {
                    if (op != malloc && !(aliases(op) && holds(op.args().getFirst()))) {
                        return true;
                    }
                    defined.add(op.result());
                }
            }
            if (holds(b.exitswitch)) {
                return true;
            }
            for (Link l : b.exits) {
                if ((l.lastException != null && members.contains(l.lastException))
                        || (l.lastExcValue != null && members.contains(l.lastExcValue))) {
                    return true;
                }
            }
        }
        return defined.size() != members.size();    // a member defined nowhere we looked: be safe
    }

    /** Uses that read or write the object's fields, or look at the pointer without letting it out. */
    private boolean harmlessUse(SpaceOperation op, int i) {
        return switch (op.op()) {
            case LLOp o when o == LLOp.GETFIELD || o == LLOp.SETFIELD -> i == 0 && leaf(op);
            case LLOp o when o == LLOp.CAST_POINTER || o == LLOp.SAME_AS || o == LLOp.GETSUBSTRUCT -> i == 0;
            case LLOp o when o == LLOp.PTR_NONZERO || o == LLOp.PTR_ISZERO -> true;
            case LLOp o when o == LLOp.PTR_EQ || o == LLOp.PTR_NE -> holds(op.args().get(0)) && holds(op.args().get(1));
            default -> false;
        };
    }

    /** The field a getfield or setfield names is a leaf of the flattened struct. */
    private boolean leaf(SpaceOperation op) {
        return op.args().get(1) instanceof Constant(LLConstant k) && k.value() instanceof String name
                && flat.leaves().containsKey(views.get((Variable) op.args().getFirst()) + name);
    }

    /** Sets of variables joined by identity (PyPy's {@code UnionFind}, as small as it can be). */
    private static final class UnionFind {
        private final Map<Variable, Variable> parent = new IdentityHashMap<>();

        Variable find(Variable v) {
            Variable p = parent.getOrDefault(v, v);
            if (p == v) {
                return v;
            }
            Variable root = find(p);
            parent.put(v, root);
            return root;
        }

        void union(Value a, Value b) {
            if (a instanceof Variable x && b instanceof Variable y) {
                Variable rx = find(x);
                Variable ry = find(y);
                if (rx != ry) {
                    parent.put(rx, ry);
                }
            }
        }

        Set<Variable> classOf(Variable v) {
            Set<Variable> out = Collections.newSetFromMap(new IdentityHashMap<>());
            Variable root = find(v);
            out.add(v);
            out.add(root);
            for (Variable k : List.copyOf(parent.keySet())) {
                if (find(k) == root) {
                    out.add(k);
                }
            }
            return out;
        }
    }
}
