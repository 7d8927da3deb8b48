package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

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
        // a callee is finished before its callers are visited (callees first; recursive ones are
        // never inlined), so its cost is known once: inlineOne rescans a caller after each
        // inlining, and counting a callee's operations again at every call site of a long
        // entry_point was most of the pass
        Map<LowLevelGraph, Integer> costs = new IdentityHashMap<>();
        for (LowLevelGraph g : calls.calleesFirst()) {
            while (inlineOne(g, raises, calls, callSites, costs)) {
                // again: the callee's body may hold calls that are now worth inlining here
            }
        }
        return program;
    }

    private boolean inlineOne(LowLevelGraph g, RaiseAnalysis raises, CallGraph calls,
                              Map<LowLevelGraph, Integer> callSites, Map<LowLevelGraph, Integer> costs) {
        for (Block b : g.graph().iterblocks()) {
            for (int i = 0; i < b.operations.size(); i++) {
                LowLevelGraph callee = directCallee(b.operations.get(i));
                if (callee == null || callee == g || calls.isRecursive(callee)
                        || (costs.computeIfAbsent(callee, Inlining::cost) > threshold && callSites.getOrDefault(callee, 0) != 1)) {
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
}
