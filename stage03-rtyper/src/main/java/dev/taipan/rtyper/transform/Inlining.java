package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import java.util.Collections;
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
 * inlined up to {@link #ONCE_LIMIT} operations, since its body then exists once anyway (a
 * backend writes only the graphs it reaches). Not beyond: callers would grow without bound (the
 * stage 02 benchmark's 10,000-line program became one {@code main} of 8.7 MB of machine code,
 * its {@code entry_point} inlined whole, and into that each function it calls once), the passes
 * after this one and the GC transform take longer than linear time on one big graph, and a naive
 * code generator gives it a frame as big as the graph. Graphs are visited callees
 * first (leaves first, a post-order of the call graph), so that a callee's cost already counts
 * what was inlined into it. A function in a cycle of calls (recursion, direct or mutual) is never
 * inlined into another, which keeps the pass finite; a small one that calls itself is put into
 * itself once ({@link #inlineIntoItself}), and the frames inlined keep their names in a traceback.
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
    /**
     * The most operations of a function inlined because it is called once: where PyPy's
     * {@code inlining_heuristic} stops estimating a graph's execution cost and weighs it by its
     * size alone.
     */
    public static final int ONCE_LIMIT = 200;

    private final int threshold;
    private final int onceLimit;

    public Inlining() {
        this(DEFAULT_THRESHOLD);
    }

    public Inlining(int threshold) {
        this(threshold, ONCE_LIMIT);
    }

    /** Inlines callees of at most {@code threshold} operations, and those called once of at most {@code onceLimit}. */
    public Inlining(int threshold, int onceLimit) {
        this.threshold = threshold;
        this.onceLimit = onceLimit;
    }

    @Override
    public String name() {
        return "inline";
    }

    @Override
    public String description() {
        return "inlines calls of small functions (static cost <= " + threshold + ") and of functions called once (<= "
                + onceLimit + "); a small function that calls itself, into itself once";
    }

    @Override
    public LowLevelProgram apply(LowLevelProgram program) {
        List<LowLevelGraph> graphs = program.graphs();
        RaiseAnalysis raises = RaiseAnalysis.ignoringMemoryError(graphs);
        CallGraph calls = new CallGraph(graphs);
        Map<LowLevelGraph, Integer> callSites = new IdentityHashMap<>();
        for (LowLevelGraph g : graphs) {
            for (SpaceOperation op : g.graph().operations()) {
                LowLevelGraph callee = directCallee(op);
                if (callee != null) {
                    callSites.merge(callee, 1, Integer::sum);
                }
            }
        }
        // a callee is finished before its callers are visited (leaves first), so its cost is known for good
        Map<LowLevelGraph, Integer> costs = new IdentityHashMap<>();
        for (LowLevelGraph g : calls.calleesFirst()) {
            while (inlineOne(g, raises, calls, callSites, costs)) {
                // again: the callee's body may hold calls that are now worth inlining here
            }
            inlineIntoItself(g, raises, callSites);
        }
        return program;
    }

    private boolean inlineOne(LowLevelGraph g, RaiseAnalysis raises, CallGraph calls,
                              Map<LowLevelGraph, Integer> callSites, Map<LowLevelGraph, Integer> costs) {
        for (Block b : g.graph().iterblocks()) {
            for (int i = 0; i < b.operations.size(); i++) {
                LowLevelGraph callee = directCallee(b.operations.get(i));
                if (callee == null || callee == g || calls.isRecursive(callee)
                        || !worthInlining(costs.computeIfAbsent(callee, Inlining::cost), callSites.getOrDefault(callee, 0))) {
                    continue;
                }
                InlineCallSite site = new InlineCallSite(g, b, i, callee);
                if (site.inlinable(raises)) {
                    site.inline();
                    counted(callee, callee, callSites);
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Recursive inlining, one level deep (as gcc and HotSpot do it): in a small function that
     * calls itself, each such call becomes a copy of the function's body as it was before, whose
     * own calls to itself stay calls. Half the calls of {@code fib} go, with their frames, stack
     * checks and exception tests; the recursion, and the {@code RecursionError} that ends a
     * runaway one, stay (every frame left still checks the stack). Only the calls there before
     * are inlined, so the pass ends.
     */
    private void inlineIntoItself(LowLevelGraph g, RaiseAnalysis raises, Map<LowLevelGraph, Integer> callSites) {
        if (cost(g) > threshold) {
            return;
        }
        Set<SpaceOperation> selfCalls = Collections.newSetFromMap(new IdentityHashMap<>());
        for (SpaceOperation op : g.graph().operations()) {
            if (directCallee(op) == g) {
                selfCalls.add(op);
            }
        }
        if (selfCalls.isEmpty()) {
            return;
        }
        LowLevelGraph body = g.copy();
        // The blocks as they are now; each from its end, so that the cut at a call leaves the
        // calls before it where they were, and the blocks a cut makes hold no call left to do.
        for (Block b : g.graph().iterblocks()) {
            for (int i = b.operations.size() - 1; i >= 0; i--) {
                if (selfCalls.contains(b.operations.get(i))) {
                    InlineCallSite site = new InlineCallSite(g, b, i, g, body);
                    if (site.inlinable(raises)) {
                        site.inline();
                        counted(g, body, callSites);
                    }
                }
            }
        }
    }

    /** The call sites after a call of {@code callee} became a copy of {@code body}: one fewer of it, one more of each it calls. */
    private static void counted(LowLevelGraph callee, LowLevelGraph body, Map<LowLevelGraph, Integer> callSites) {
        callSites.merge(callee, -1, Integer::sum);
        for (SpaceOperation op : body.graph().operations()) {
            LowLevelGraph copied = directCallee(op);
            if (copied != null) {
                callSites.merge(copied, 1, Integer::sum);
            }
        }
    }

    private boolean worthInlining(int cost, int callSites) {
        return cost <= threshold || (callSites == 1 && cost <= onceLimit);
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
}
