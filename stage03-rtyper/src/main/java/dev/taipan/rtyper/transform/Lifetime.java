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
 * {@code getsubstruct} result with its operand (a union-find, {@link PointerAliases}), and the checks that make taking
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
    /** The blocks that define a member, in the graph's order: the only blocks that see the object. */
    private List<Block> blocks = List.of();

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

    /** The blocks that see the object: those defining a member (each use of a variable is in its block). */
    List<Block> blocks() {
        return blocks;
    }

    /**
     * The lifetime of the object {@code malloc} (in {@code home}) makes, if it never escapes.
     * {@code aliases} proposes the members; it may have been computed before other objects
     * of the graph were taken apart, so the proof below checks the class against the graph as it
     * is now (every member still defined where it was, and nothing outside the class receiving
     * the pointer) and refuses when it does not fit.
     */
    static Optional<Lifetime> of(LowLevelGraph graph, PointerAliases aliases, SpaceOperation malloc, Block home) {
        if (!(malloc.args().getFirst() instanceof Constant(LLConstant k) && k.value() instanceof StructType root)) {
            return Optional.empty();
        }
        Optional<FlatStruct> flat = FlatStruct.of(root);
        if (flat.isEmpty()) {
            return Optional.empty();
        }
        Set<Variable> members = aliases.classOf(malloc.result());
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
        return life.escapes(aliases, malloc, home) ? Optional.empty() : Optional.of(life);
    }

    /**
     * Looks only at the blocks that define a member: in SSA a variable is used only in the block
     * that defines it, so every use of the object is there.
     */
    private boolean escapes(PointerAliases aliases, SpaceOperation malloc, Block home) {
        FunctionGraph fg = aliases.graph();
        Set<Block> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Variable v : members) {
            Block b = aliases.definedIn(v);
            if (b == null) {
                return true;    // a caught exception (a link defines it), or defined nowhere we looked: be safe
            }
            seen.add(b);
        }
        List<Block> inOrder = aliases.inGraphOrder(seen);
        int defined = 0;
        for (Block b : inOrder) {
            for (int i = 0; i < b.inputargs.size(); i++) {
                if (!members.contains(b.inputargs.get(i))) {
                    continue;
                }
                if (b == fg.startblock || b == home || b == fg.returnblock || b == fg.exceptblock) {
                    return true;    // a parameter, the last iteration's object, a result, an exception
                }
                for (Link l : aliases.entries(b)) {
                    if (!holds(l.args.get(i))) {
                        return true;    // another object (or null) may arrive here
                    }
                }
                defined++;
            }
            for (SpaceOperation op : b.operations) {
                for (int i = 0; i < op.args().size(); i++) {
                    if (holds(op.args().get(i)) && !harmlessUse(op, i)) {
                        return true;
                    }
                }
                if (members.contains(op.result())) {
                    if (op != malloc && !(PointerAliases.aliases(op) && holds(op.args().getFirst()))) {
                        return true;
                    }
                    defined++;
                }
            }
            if (holds(b.exitswitch)) {
                return true;
            }
            for (Link l : b.exits) {
                for (int i = 0; i < l.args.size(); i++) {
                    if (holds(l.args.get(i)) && !members.contains(l.target.inputargs.get(i))) {
                        return true;    // the pointer goes where the class does not follow it
                    }
                }
            }
        }
        blocks = inOrder;
        return defined != members.size();    // a member no longer defined where it was: be safe
    }

    /** Uses that read or write the object's fields, or look at the pointer without letting it out. */
    private boolean harmlessUse(SpaceOperation op, int i) {
        return switch (op.op()) {
            case LLOp o when o == LLOp.GETFIELD || o == LLOp.SETFIELD -> i == 0 && leaf(op);
            case LLOp o when o == LLOp.CAST_POINTER || o == LLOp.SAME_AS || o == LLOp.GETSUBSTRUCT -> i == 0 && holds(op.result());
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
