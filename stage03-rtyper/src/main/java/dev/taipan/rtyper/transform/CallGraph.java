package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the passes need to know of the call graph, found by one walk of it: Tarjan's strongly
 * connected components (1972), run with an explicit stack, since the call chains of generated
 * programs are deeper than the Java stack.
 *
 * <ul>
 *   <li>The graphs <b>on a cycle</b> ({@link #isRecursive}): the components of more than one
 *       graph, or of one graph that calls itself. Only through them can calls nest deep enough
 *       to exhaust the stack, so only they need a {@code stack_check} (PyPy's
 *       {@code insert_ll_stackcheck} finds them the same way); and the inliner never inlines
 *       them into another graph, or it would never end. An {@code indirect_call} whose graphs
 *       are not listed may call anything: its graph counts as recursive.</li>
 *   <li>The graphs <b>callees first</b> ({@link #calleesFirst}): Tarjan's algorithm closes a
 *       component only after every component it reaches, so the order it closes them in is a
 *       reverse topological order of the calls, the order in which the inliner visits graphs
 *       so that a callee's size already counts what was inlined into it.</li>
 * </ul>
 */
final class CallGraph {

    /** A graph being visited, and how many of its callees it has looked at. */
    private record Visit(LowLevelGraph graph, List<LowLevelGraph> callees, int[] next) {
    }

    private final Map<LowLevelGraph, List<LowLevelGraph>> callees = new IdentityHashMap<>();
    private final Set<LowLevelGraph> recursive = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<LowLevelGraph, Integer> index = new IdentityHashMap<>();
    private final Map<LowLevelGraph, Integer> lowlink = new IdentityHashMap<>();
    private final List<LowLevelGraph> stack = new ArrayList<>();
    private final Set<LowLevelGraph> onStack = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<LowLevelGraph> closed = new ArrayList<>();

    CallGraph(List<LowLevelGraph> graphs) {
        for (LowLevelGraph g : graphs) {
            callees.put(g, callees(g));
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

    /** Every graph after the graphs it calls (in any order within a cycle). */
    List<LowLevelGraph> calleesFirst() {
        return Collections.unmodifiableList(closed);
    }

    /** The graphs {@code g} may call, each once, in the order of its calls. */
    private List<LowLevelGraph> callees(LowLevelGraph g) {
        List<LowLevelGraph> out = new ArrayList<>();
        for (SpaceOperation op : g.graph().operations()) {
            List<LowLevelGraph> called = GraphAnalysis.callees(op);
            if (called != null) {
                called.stream().filter(c -> !out.contains(c)).forEach(out::add);
            } else if (op.op() == LLOp.INDIRECT_CALL) {
                recursive.add(g);
            }
        }
        return out;
    }

    /** Tarjan's {@code strongconnect} from {@code root}, its recursion kept in {@code work}. */
    private void connect(LowLevelGraph root) {
        List<Visit> work = new ArrayList<>();
        enter(root, work);
        while (!work.isEmpty()) {
            Visit top = work.getLast();
            LowLevelGraph g = top.graph();
            if (top.next()[0] < top.callees().size()) {
                LowLevelGraph c = top.callees().get(top.next()[0]++);
                if (c == g) {
                    recursive.add(g);
                }
                if (!index.containsKey(c)) {
                    enter(c, work);
                } else if (onStack.contains(c)) {
                    lowlink.put(g, Math.min(lowlink.get(g), index.get(c)));
                }
                continue;
            }
            work.removeLast();
            if (!work.isEmpty()) {
                LowLevelGraph parent = work.getLast().graph();
                lowlink.put(parent, Math.min(lowlink.get(parent), lowlink.get(g)));
            }
            if (lowlink.get(g).equals(index.get(g))) {
                List<LowLevelGraph> component = new ArrayList<>();
                LowLevelGraph member;
                do {
                    member = stack.removeLast();
                    onStack.remove(member);
                    component.add(member);
                    closed.add(member);
                } while (member != g);
                if (component.size() > 1) {
                    recursive.addAll(component);
                }
            }
        }
    }

    private void enter(LowLevelGraph g, List<Visit> work) {
        index.put(g, index.size());
        lowlink.put(g, index.get(g));
        stack.add(g);
        onStack.add(g);
        work.add(new Visit(g, callees.getOrDefault(g, List.of()), new int[1]));
    }
}
