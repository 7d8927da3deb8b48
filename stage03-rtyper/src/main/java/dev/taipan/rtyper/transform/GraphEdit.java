package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LowLevelOperation;
import dev.taipan.rtyper.lltype.LowLevelType;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Editing a low-level graph in place, keeping it well-formed: every new variable gets its
 * low-level type, and a block cut in two passes what its second half needs through the link
 * between them (PyPy's {@code unsimplify.split_block}), since in SSA with block arguments a
 * variable is used only in the block that defines it. Public for the passes of later stages
 * that cut blocks too (stage 04's inline allocation fast paths).
 */
public final class GraphEdit {

    private final LowLevelGraph graph;

    public GraphEdit(LowLevelGraph graph) {
        this.graph = graph;
    }

    public LowLevelGraph graph() {
        return graph;
    }

    /** A new variable of type {@code type}. */
    public Variable fresh(LowLevelType type) {
        Variable v = new Variable();
        graph.setType(v, type);
        return v;
    }

    /** A new variable with {@code v}'s name and type, for another block. */
    public Variable copy(Variable v) {
        Variable c = v.copy();
        graph.setType(c, graph.typeOf(v));
        return c;
    }

    /** {@code result = op(args)} at {@code line}, its result a new variable of type {@code type}, added to {@code ops}. */
    public Variable add(List<SpaceOperation> ops, LowLevelOperation op, LowLevelType type, int line, Value... args) {
        Variable result = fresh(type);
        ops.add(new SpaceOperation(op, List.of(args), result, line));
        return result;
    }

    /**
     * Cuts {@code b} after its operation {@code index}: the operations after it, the exitswitch
     * and the exits move to a new block, which takes as input arguments fresh copies of the
     * variables of {@code b} they use. Returns the one link from {@code b} to the new block.
     */
    public Link splitAfter(Block b, int index) {
        List<SpaceOperation> moved = new ArrayList<>(b.operations.subList(index + 1, b.operations.size()));
        Set<Variable> definedAfter = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        moved.forEach(op -> definedAfter.add(op.result()));
        Set<Variable> needed = new LinkedHashSet<>();
        for (SpaceOperation op : moved) {
            op.args().forEach(a -> need(a, definedAfter, needed));
        }
        if (b.exitswitch instanceof Variable v) {
            need(v, definedAfter, needed);
        }
        for (Link l : b.exits) {
            for (Value a : l.args) {
                if (a != l.lastException && a != l.lastExcValue) {
                    need(a, definedAfter, needed);
                }
            }
        }
        Map<Variable, Value> renamed = new IdentityHashMap<>();
        List<Variable> inputs = new ArrayList<>();
        for (Variable v : needed) {
            Variable c = copy(v);
            renamed.put(v, c);
            inputs.add(c);
        }
        Block after = new Block(inputs);
        after.operations = new ArrayList<>(moved.stream().map(op -> op.withArgs(rename(op.args(), renamed))).toList());
        after.exitswitch = b.exitswitch instanceof Variable v ? renamed.getOrDefault(v, v) : b.exitswitch;
        for (Link l : b.exits) {
            l.args = new ArrayList<>(rename(l.args, renamed));
        }
        after.closeblock(b.exits);
        b.operations = new ArrayList<>(b.operations.subList(0, index + 1));
        b.exitswitch = null;
        Link link = new Link(new ArrayList<>(needed), after, null);
        b.closeblock(link);
        return link;
    }

    private static void need(Value a, Set<Variable> definedAfter, Set<Variable> needed) {
        if (a instanceof Variable v && !definedAfter.contains(v)) {
            needed.add(v);
        }
    }

    public static List<Value> rename(List<Value> values, Map<Variable, Value> renamed) {
        return values.stream().map(a -> a instanceof Variable v && renamed.containsKey(v) ? renamed.get(v) : a).toList();
    }

    /** A copy of {@code l} taken when a switch is {@code truth}. */
    static Link when(boolean truth, Link l) {
        Link c = new Link(l.args, l.target, truth ? PyBool.TRUE : PyBool.FALSE);
        c.line = l.line;
        return c;
    }

    /** Ends {@code b} with a switch on {@code cond}: {@code ifFalse}, then {@code ifTrue}, as the graph checker wants them. */
    public static void branch(Block b, Variable cond, Link ifFalse, Link ifTrue) {
        b.exitswitch = cond;
        b.closeblock(when(false, ifFalse), when(true, ifTrue));
    }

    /** A typed constant. */
    static Constant constant(Object value, LowLevelType type) {
        return LLConstant.of(value, type);
    }
}
