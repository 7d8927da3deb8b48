package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A property of graphs that spreads backwards along calls, PyPy's
 * {@code graphanalyze.BoolGraphAnalyzer}: a graph has it when it has it by itself, or one of
 * its operations does, or it calls a graph that has it. "Can raise" ({@link RaiseAnalysis}) and
 * "can collect" (stage 04: a call of a graph that may allocate may run the collector) are two
 * such properties, and so one fixpoint: first the graphs that have it by themselves, then, along
 * the call graph backwards, everyone who calls them. An operation that is no call is asked
 * directly; so is a call whose graphs are unknown (an {@code indirect_call} without its list),
 * which must answer conservatively.
 */
public final class GraphAnalysis {

    private final Set<LowLevelGraph> having = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Predicate<SpaceOperation> byItself;

    /**
     * The property over {@code graphs}: {@code graphByItself} for what a graph has whatever its
     * operations, {@code opByItself} for an operation that is not a call of known graphs.
     */
    public GraphAnalysis(List<LowLevelGraph> graphs, Predicate<LowLevelGraph> graphByItself,
                         Predicate<SpaceOperation> opByItself) {
        this.byItself = opByItself;
        Map<LowLevelGraph, List<LowLevelGraph>> callers = new IdentityHashMap<>();
        ArrayDeque<LowLevelGraph> todo = new ArrayDeque<>();
        for (LowLevelGraph g : graphs) {
            boolean has = graphByItself.test(g);
            for (Block b : g.graph().iterblocks()) {
                for (SpaceOperation op : b.operations) {
                    List<LowLevelGraph> callees = callees(op);
                    if (callees == null) {
                        has |= opByItself.test(op);
                    } else {
                        callees.forEach(c -> callers.computeIfAbsent(c, k -> new ArrayList<>()).add(g));
                    }
                }
            }
            if (has && having.add(g)) {
                todo.add(g);
            }
        }
        while (!todo.isEmpty()) {
            for (LowLevelGraph caller : callers.getOrDefault(todo.poll(), List.of())) {
                if (having.add(caller)) {
                    todo.add(caller);
                }
            }
        }
    }

    public boolean has(LowLevelGraph g) {
        return having.contains(g);
    }

    /** Whether {@code op} has the property: a call of a graph that has it, or an operation that has it by itself. */
    public boolean has(SpaceOperation op) {
        List<LowLevelGraph> callees = callees(op);
        return callees == null ? byItself.test(op) : callees.stream().anyMatch(this::has);
    }

    /** The graphs a call may run, or null for an operation that is no call, or a call of unknown graphs. */
    @SuppressWarnings("unchecked")
    public static List<LowLevelGraph> callees(SpaceOperation op) {
        if (op.op() == LLOp.DIRECT_CALL && op.args().getFirst() instanceof Constant(LLConstant(LowLevelGraph g, var t))) {
            return List.of(g);
        }
        if (op.op() == LLOp.INDIRECT_CALL && op.args().getLast() instanceof Constant(LLConstant(List<?> graphs, var t))) {
            return (List<LowLevelGraph>) graphs;
        }
        return null;
    }
}
