package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Inlining (PyPy's {@code backendopt/inline.py}, {@code auto_inlining}): a {@code direct_call}
 * of a small function is replaced by a copy of its body ({@link InlineCallSite}), which saves the
 * call and, above all, lets the next passes see both sides at once: a tuple the callee returns
 * and the caller unpacks never needs to exist ({@link MallocRemoval}).
 *
 * <p>Which calls. PyPy's heuristic, simplified: a callee is small when its static cost, the
 * number of its operations (casts and copies cost nothing: they vanish in a backend), is at most
 * {@link #threshold} (PyPy's default is 32.4); a function called from exactly one place is
 * inlined whatever its size, since its body then exists once anyway. Graphs are visited callees
 * first (leaves first, a post-order of the call graph), so that a callee's cost already counts
 * what was inlined into it. A function in a cycle of calls (recursion, direct or mutual) is never
 * inlined, which keeps the pass finite and keeps each recursive frame in the traceback, where a
 * {@code RecursionError} names it.
 *
 * <p>Tracebacks. An uncaught exception must still name every RPy frame and line it came
 * through, as on the host. Inlining keeps that information instead of giving up on raising
 * callees: every copied operation and raising link records the callee and call site it came from
 * ({@link dev.taipan.rtyper.llgraph.InlinedFrames}), and the llinterp reports them as the frames
 * they were.
 */
public final class Inlining implements GraphPass {

    /** PyPy's default {@code inline_threshold}, rounded. */
    public static final int DEFAULT_THRESHOLD = 32;

    private final int threshold;

    public Inlining() {
        this(DEFAULT_THRESHOLD);
    }

    public Inlining(int threshold) {
        this.threshold = threshold;
    }

    @Override
    public String name() {
        return "inline";
    }

    @Override
    public String description() {
        return "inlines calls of small functions (static cost <= " + threshold + ") and of functions called once, never recursive ones";
    }

    @Override
    public LowLevelProgram apply(LowLevelProgram program) {
        List<LowLevelGraph> graphs = program.graphs();
        RaiseAnalysis raises = new RaiseAnalysis(graphs);
        Set<LowLevelGraph> recursive = recursive(graphs);
        Map<LowLevelGraph, Integer> callSites = new IdentityHashMap<>();
        for (LowLevelGraph g : graphs) {
            for (SpaceOperation op : g.graph().operations()) {
                LowLevelGraph callee = directCallee(op);
                if (callee != null) {
                    callSites.merge(callee, 1, Integer::sum);
                }
            }
        }
        for (LowLevelGraph g : postOrder(graphs)) {
            while (inlineOne(g, raises, recursive, callSites)) {
                // again: the callee's body may hold calls that are now worth inlining here
            }
        }
        return program;
    }

    private boolean inlineOne(LowLevelGraph g, RaiseAnalysis raises, Set<LowLevelGraph> recursive,
                              Map<LowLevelGraph, Integer> callSites) {
        for (Block b : g.graph().iterblocks()) {
            for (int i = 0; i < b.operations.size(); i++) {
                LowLevelGraph callee = directCallee(b.operations.get(i));
                if (callee == null || callee == g || recursive.contains(callee)
                        || (cost(callee) > threshold && callSites.getOrDefault(callee, 0) != 1)) {
                    continue;
                }
                InlineCallSite site = new InlineCallSite(g, b, i, callee);
                if (site.inlinable(raises)) {
                    site.inline();
                    callSites.merge(callee, -1, Integer::sum);
                    for (SpaceOperation op : callee.graph().operations()) {
                        LowLevelGraph copied = directCallee(op);
                        if (copied != null) {
                            callSites.merge(copied, 1, Integer::sum);
                        }
                    }
                    return true;
                }
            }
        }
        return false;
    }

    /** The static cost of a graph (PyPy's {@code static_instruction_count}): its operations, casts free. */
    static int cost(LowLevelGraph g) {
        int n = 0;
        for (SpaceOperation op : g.graph().operations()) {
            if (op.op() != LLOp.SAME_AS && op.op() != LLOp.CAST_POINTER) {
                n++;
            }
        }
        return n;
    }

    static LowLevelGraph directCallee(SpaceOperation op) {
        return op.op() == LLOp.DIRECT_CALL && op.args().getFirst() instanceof Constant(LLConstant(LowLevelGraph g, var _)) ? g : null;
    }

    private static List<LowLevelGraph> callees(LowLevelGraph g) {
        List<LowLevelGraph> out = new ArrayList<>();
        for (SpaceOperation op : g.graph().operations()) {
            LowLevelGraph callee = directCallee(op);
            if (callee != null && !out.contains(callee)) {
                out.add(callee);
            }
        }
        return out;
    }

    /** Callees before their callers: a depth-first post-order of the call graph. */
    private static List<LowLevelGraph> postOrder(List<LowLevelGraph> graphs) {
        List<LowLevelGraph> out = new ArrayList<>();
        Set<LowLevelGraph> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (LowLevelGraph root : graphs) {
            visit(root, seen, out);
        }
        return out;
    }

    private static void visit(LowLevelGraph g, Set<LowLevelGraph> seen, List<LowLevelGraph> out) {
        // an explicit stack: call chains of generated programs can be deep
        record Frame(LowLevelGraph graph, List<LowLevelGraph> callees, int[] next) { }
        if (!seen.add(g)) {
            return;
        }
        List<Frame> stack = new ArrayList<>();
        stack.add(new Frame(g, callees(g), new int[1]));
        while (!stack.isEmpty()) {
            Frame top = stack.getLast();
            if (top.next()[0] < top.callees().size()) {
                LowLevelGraph c = top.callees().get(top.next()[0]++);
                if (seen.add(c)) {
                    stack.add(new Frame(c, callees(c), new int[1]));
                }
            } else {
                out.add(stack.removeLast().graph());
            }
        }
    }

    /** The graphs on a cycle of direct calls (Tarjan's strongly connected components, iteratively). */
    static Set<LowLevelGraph> recursive(List<LowLevelGraph> graphs) {
        Map<LowLevelGraph, List<LowLevelGraph>> edges = new IdentityHashMap<>();
        for (LowLevelGraph g : graphs) {
            edges.put(g, callees(g));
        }
        Set<LowLevelGraph> out = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<LowLevelGraph, Integer> index = new IdentityHashMap<>();
        Map<LowLevelGraph, Integer> low = new IdentityHashMap<>();
        List<LowLevelGraph> sccStack = new ArrayList<>();
        Set<LowLevelGraph> onStack = Collections.newSetFromMap(new IdentityHashMap<>());
        Map<LowLevelGraph, Integer> nextEdge = new HashMap<>();
        for (LowLevelGraph root : graphs) {
            if (index.containsKey(root)) {
                continue;
            }
            List<LowLevelGraph> work = new ArrayList<>();
            work.add(root);
            while (!work.isEmpty()) {
                LowLevelGraph v = work.getLast();
                if (!index.containsKey(v)) {
                    index.put(v, index.size());
                    low.put(v, index.get(v));
                    sccStack.add(v);
                    onStack.add(v);
                    nextEdge.put(v, 0);
                }
                List<LowLevelGraph> succ = edges.getOrDefault(v, List.of());
                int k = nextEdge.get(v);
                if (k < succ.size()) {
                    nextEdge.put(v, k + 1);
                    LowLevelGraph w = succ.get(k);
                    if (w == v) {
                        out.add(v);
                    } else if (!index.containsKey(w)) {
                        work.add(w);
                    } else if (onStack.contains(w)) {
                        low.put(v, Math.min(low.get(v), index.get(w)));
                    }
                    continue;
                }
                work.removeLast();
                if (!work.isEmpty()) {
                    LowLevelGraph parent = work.getLast();
                    low.put(parent, Math.min(low.get(parent), low.get(v)));
                }
                if (low.get(v).equals(index.get(v))) {
                    List<LowLevelGraph> scc = new ArrayList<>();
                    LowLevelGraph w;
                    do {
                        w = sccStack.removeLast();
                        onStack.remove(w);
                        scc.add(w);
                    } while (w != v);
                    if (scc.size() > 1) {
                        out.addAll(scc);
                    }
                }
            }
        }
        return out;
    }
}
