package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The graphs on a cycle of the call graph: the only ones through which calls can nest deep
 * enough to exhaust the stack, so the only ones that need a {@code stack_check} (PyPy's
 * {@code transform.insert_ll_stackcheck} finds them the same way). The cycles are the strongly
 * connected components of more than one graph, or of one graph that calls itself (Tarjan's
 * algorithm, 1972). An {@code indirect_call} whose graphs are not listed may call anything: its
 * graph counts as recursive.
 */
final class RecursiveGraphs {

    private final Map<LowLevelGraph, List<LowLevelGraph>> callees = new IdentityHashMap<>();
    private final Set<LowLevelGraph> recursive = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<LowLevelGraph, Integer> index = new IdentityHashMap<>();
    private final Map<LowLevelGraph, Integer> lowlink = new IdentityHashMap<>();
    private final ArrayDeque<LowLevelGraph> stack = new ArrayDeque<>();
    private final Set<LowLevelGraph> onStack = Collections.newSetFromMap(new IdentityHashMap<>());

    RecursiveGraphs(List<LowLevelGraph> graphs) {
        for (LowLevelGraph g : graphs) {
            List<LowLevelGraph> out = new ArrayList<>();
            for (Block b : g.graph().iterblocks()) {
                for (SpaceOperation op : b.operations) {
                    List<LowLevelGraph> called = RaiseAnalysis.callees(op);
                    if (called != null) {
                        out.addAll(called);
                    } else if (op.op() == LLOp.INDIRECT_CALL) {
                        recursive.add(g);
                    }
                }
            }
            callees.put(g, out);
        }
        for (LowLevelGraph g : graphs) {
            if (!index.containsKey(g)) {
                connect(g);
            }
        }
    }

    boolean isRecursive(LowLevelGraph g) {
        return recursive.contains(g);
    }

    private void connect(LowLevelGraph g) {
        index.put(g, index.size());
        lowlink.put(g, index.get(g));
        stack.push(g);
        onStack.add(g);
        for (LowLevelGraph c : callees.getOrDefault(g, List.of())) {
            if (c == g) {
                recursive.add(g);
            }
            if (!index.containsKey(c)) {
                connect(c);
                lowlink.put(g, Math.min(lowlink.get(g), lowlink.get(c)));
            } else if (onStack.contains(c)) {
                lowlink.put(g, Math.min(lowlink.get(g), index.get(c)));
            }
        }
        if (lowlink.get(g).equals(index.get(g))) {
            List<LowLevelGraph> component = new ArrayList<>();
            LowLevelGraph top;
            do {
                top = stack.pop();
                onStack.remove(top);
                component.add(top);
            } while (top != g);
            if (component.size() > 1) {
                recursive.addAll(component);
            }
        }
    }
}
