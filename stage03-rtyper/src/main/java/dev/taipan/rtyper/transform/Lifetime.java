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
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
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
 *
 * <p><b>One analysis for all the mallocs of a graph.</b> As PyPy's {@code LifeTime}s, the
 * union-find is over <em>every</em> variable of the graph, built once: each of its classes is a
 * would-be lifetime, and one walk over the graph charges every use of a variable to its class.
 * A class that holds exactly one malloc and no use that lets it out is an object to take apart.
 * Asking the question malloc by malloc, each time walking the whole graph, costs the number of
 * mallocs times the size of the graph, which a long {@code entry_point} after inlining (hundreds
 * of mallocs, thousands of operations) turns into seconds.
 */
final class Lifetime {

    private final LowLevelGraph graph;
    private final SpaceOperation malloc;
    private final FlatStruct flat;
    private final Set<Variable> members;
    private final Map<Variable, String> views;
    private final List<Block> blocks;

    private Lifetime(LowLevelGraph graph, SpaceOperation malloc, FlatStruct flat, Set<Variable> members,
                     Map<Variable, String> views, List<Block> blocks) {
        this.graph = graph;
        this.malloc = malloc;
        this.flat = flat;
        this.members = members;
        this.views = views;
        this.blocks = blocks;
    }

    LowLevelGraph graph() {
        return graph;
    }

    /** The variable the malloc defines: the operation itself may be rewritten (its arguments renamed) by another removal. */
    Variable made() {
        return malloc.result();
    }

    /** The malloc's source line, for what stands where it stood. */
    int line() {
        return malloc.line();
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

    /**
     * The blocks that see the object (define one of its variables), in the graph's order: the
     * malloc's block and those that receive it. SSA keeps every use of a variable in the block
     * that defines it, so these blocks and their exits are all that taking it apart rewrites.
     */
    List<Block> blocks() {
        return blocks;
    }

    /**
     * The lifetimes of the mallocs of {@code graph} that never escape, in the graph's order of
     * the mallocs; no two share a variable, so they can be taken apart one after the other.
     */
    static List<Lifetime> nonEscaping(LowLevelGraph graph) {
        return new Analysis(graph).run();
    }

    /** Operations whose result is the same object as their first operand. */
    private static boolean aliases(SpaceOperation op) {
        return op.op() == LLOp.CAST_POINTER || op.op() == LLOp.SAME_AS || op.op() == LLOp.GETSUBSTRUCT;
    }

    /** One class of the union-find that holds a malloc, while the walk looks for a way out. */
    private static final class Candidate {
        final SpaceOperation malloc;
        final Block home;
        final FlatStruct flat;
        final Set<Variable> members = Collections.newSetFromMap(new IdentityHashMap<>());
        final Map<Variable, String> views = new IdentityHashMap<>();
        final Set<Block> blocks = Collections.newSetFromMap(new IdentityHashMap<>());
        final List<Block> ordered = new ArrayList<>();
        boolean escapes;

        Candidate(SpaceOperation malloc, Block home, FlatStruct flat) {
            this.malloc = malloc;
            this.home = home;
            this.flat = flat;
        }

        void seenIn(Block b) {
            if (blocks.add(b)) {
                ordered.add(b);
            }
        }

        boolean holds(Value v) {
            return v instanceof Variable var && members.contains(var);
        }

        /** Uses that read or write the object's fields, or look at the pointer without letting it out. */
        boolean harmlessUse(SpaceOperation op, int i) {
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
    }

    /** The one walk: union-find, then each definition and use charged to its class. */
    private static final class Analysis {
        private final LowLevelGraph graph;
        private final FunctionGraph fg;
        private final List<Block> order;
        private final UnionFind pointers = new UnionFind();
        private final Map<Variable, Candidate> byRoot = new IdentityHashMap<>();

        Analysis(LowLevelGraph graph) {
            this.graph = graph;
            this.fg = graph.graph();
            this.order = fg.iterblocks();
        }

        List<Lifetime> run() {
            joinAliases();
            Map<SpaceOperation, Candidate> candidates = findMallocs();
            if (candidates.isEmpty()) {
                return List.of();
            }
            collectMembers();
            lookForEscapes();
            List<Lifetime> out = new ArrayList<>();
            for (Candidate c : candidates.values()) {
                if (!c.escapes) {
                    out.add(new Lifetime(graph, c.malloc, c.flat, c.members, c.views, c.ordered));
                }
            }
            return out;
        }

        private void joinAliases() {
            for (Block b : order) {
                for (SpaceOperation op : b.operations) {
                    if (aliases(op)) {
                        pointers.union(op.result(), op.args().getFirst());
                    }
                }
                for (Link l : b.exits) {
                    for (int i = 0; i < l.args.size() && i < l.target.inputargs.size(); i++) {
                        pointers.union(l.args.get(i), l.target.inputargs.get(i));
                    }
                }
            }
        }

        /** A candidate per class holding a malloc of a struct that flattens; a class with two mallocs is two objects, and stays. */
        private Map<SpaceOperation, Candidate> findMallocs() {
            Map<SpaceOperation, Candidate> out = new LinkedHashMap<>();
            for (Block b : order) {
                for (SpaceOperation op : b.operations) {
                    if (op.op() != LLOp.MALLOC) {
                        continue;
                    }
                    Variable root = pointers.find(op.result());
                    Candidate other = byRoot.get(root);
                    if (other != null) {
                        other.escapes = true;
                        continue;
                    }
                    Optional<FlatStruct> flat = op.args().getFirst() instanceof Constant(LLConstant k)
                            && k.value() instanceof StructType s ? FlatStruct.of(s) : Optional.empty();
                    Candidate c = new Candidate(op, b, flat.orElse(null));
                    c.escapes = flat.isEmpty();
                    byRoot.put(root, c);
                    out.put(op, c);
                }
            }
            return out;
        }

        private Candidate candidateOf(Value v) {
            return v instanceof Variable var ? byRoot.get(pointers.find(var)) : null;
        }

        /** Every variable defined in a candidate's class, with its view of the object; a class with a variable defined nowhere (a caught exception passed on) escapes. */
        private void collectMembers() {
            for (Block b : order) {
                for (Variable v : b.inputargs) {
                    member(v, b);
                }
                for (SpaceOperation op : b.operations) {
                    member(op.result(), b);
                }
            }
            for (Map.Entry<Variable, Candidate> e : byRoot.entrySet()) {
                if (e.getValue().members.size() != pointers.size(e.getKey())) {
                    e.getValue().escapes = true;
                }
            }
        }

        private void member(Variable v, Block b) {
            Candidate c = candidateOf(v);
            if (c == null) {
                return;
            }
            c.members.add(v);
            c.seenIn(b);
            Optional<String> view = graph.typeOf(v) instanceof Ptr p ? c.flat == null ? Optional.empty() : c.flat.viewOf(p.to())
                    : Optional.empty();
            if (view.isEmpty()) {
                c.escapes = true;
            } else {
                c.views.put(v, view.get());
            }
        }

        private void lookForEscapes() {
            for (Block b : order) {
                for (Variable in : b.inputargs) {
                    Candidate c = candidateOf(in);
                    if (c != null && (b == fg.startblock || b == c.home || b == fg.returnblock || b == fg.exceptblock)) {
                        c.escapes = true;    // a parameter, the last iteration's object, a result, an exception
                    }
                }
                for (SpaceOperation op : b.operations) {
                    for (int i = 0; i < op.args().size(); i++) {
                        Candidate c = candidateOf(op.args().get(i));
                        if (c != null && !c.harmlessUse(op, i)) {
                            c.escapes = true;
                        }
                    }
                    Candidate c = candidateOf(op.result());
                    if (c != null && op != c.malloc && !(aliases(op) && c.holds(op.args().getFirst()))) {
                        c.escapes = true;
                    }
                }
                Candidate switched = candidateOf(b.exitswitch);
                if (switched != null) {
                    switched.escapes = true;
                }
                for (Link l : b.exits) {
                    for (int i = 0; i < l.args.size() && i < l.target.inputargs.size(); i++) {
                        Candidate c = candidateOf(l.target.inputargs.get(i));
                        if (c != null && !(l.args.get(i) instanceof Variable)) {
                            c.escapes = true;    // another object (or null) may arrive here
                        }
                    }
                }
            }
        }
    }

    /** Sets of variables joined by identity (PyPy's {@code UnionFind}), by size, with path halving. */
    private static final class UnionFind {
        private final Map<Variable, Variable> parent = new IdentityHashMap<>();
        private final Map<Variable, Integer> sizes = new IdentityHashMap<>();

        Variable find(Variable v) {
            Variable x = v;
            Variable p;
            while ((p = parent.getOrDefault(x, x)) != x) {
                Variable grand = parent.getOrDefault(p, p);
                parent.put(x, grand);
                x = grand;
            }
            return x;
        }

        void union(Value a, Value b) {
            if (a instanceof Variable x && b instanceof Variable y) {
                Variable rx = find(x);
                Variable ry = find(y);
                if (rx != ry) {
                    int sx = size(rx);
                    int sy = size(ry);
                    Variable big = sx >= sy ? rx : ry;
                    Variable small = big == rx ? ry : rx;
                    parent.put(small, big);
                    sizes.put(big, sx + sy);
                    sizes.remove(small);
                }
            }
        }

        /** How many variables the class of the root {@code root} holds. */
        int size(Variable root) {
            return sizes.getOrDefault(root, 1);
        }
    }
}
