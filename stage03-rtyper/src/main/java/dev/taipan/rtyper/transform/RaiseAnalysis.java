package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lloperation.LowLevelOperation;
import java.util.List;

/**
 * Which graphs can raise (PyPy's {@code canraise.RaiseAnalyzer}), so that a call of one that
 * cannot gets no check after it. A graph can raise when its except block is reached, or when one
 * of its operations can: an operation the catalogue says raises ({@code int_add_ovf},
 * {@code malloc}'s {@code MemoryError}), or a call of a graph that can raise. The second rule
 * makes it a fixpoint over the call graph: the graphs that raise by themselves first, then,
 * backwards along the calls, everyone who calls them. It is conservative in two ways, as
 * PyPy's: an operation inside a {@code try} counts even if a handler catches everything it
 * raises, and an {@code indirect_call} whose graphs are not listed can raise.
 *
 * <p><b>MemoryError</b> is special, as in PyPy ({@code RaiseAnalyzer.do_ignore_memory_error}).
 * The exception transform must test every allocation ({@link #of}): a failed one leaves
 * {@code MemoryError} pending. But an optimisation that asks "can this graph raise?" to decide
 * whether it may move code across a handler ({@code Inlining}) asks about the exceptions a
 * program means to raise; were every allocation one, no function that builds an object could be
 * inlined into a {@code try}. So {@link #ignoringMemoryError} does not count an operation that
 * raises nothing but {@code MemoryError}: running out of memory in an inlined callee then leaves
 * the caller without passing its handlers, which RPython accepts (PyPy's inliner does the same).
 */
final class RaiseAnalysis {

    private final GraphAnalysis analysis;
    private final boolean ignoreMemoryError;
    private static final List<String> MEMORY_ERROR = List.of("MemoryError");

    /** Every exception counts, {@code MemoryError} included: what the exception transform needs. */
    static RaiseAnalysis of(List<LowLevelGraph> graphs) {
        return new RaiseAnalysis(graphs, false);
    }

    /** An operation that can raise only {@code MemoryError} (an allocation) does not count. */
    static RaiseAnalysis ignoringMemoryError(List<LowLevelGraph> graphs) {
        return new RaiseAnalysis(graphs, true);
    }

    private RaiseAnalysis(List<LowLevelGraph> graphs, boolean ignoreMemoryError) {
        this.ignoreMemoryError = ignoreMemoryError;
        this.analysis = new GraphAnalysis(graphs,
                g -> !g.graph().mkentrymap().getOrDefault(g.graph().exceptblock, List.of()).isEmpty(),
                this::raisesByItself);
    }

    boolean canRaise(LowLevelGraph g) {
        return analysis.has(g);
    }

    /** Whether {@code op} can raise: a call of a graph that can, or an operation the catalogue says raises. */
    boolean canRaise(SpaceOperation op) {
        return analysis.has(op);
    }

    private boolean raisesByItself(SpaceOperation op) {
        return switch (op.op()) {
            case LLOp.INDIRECT_CALL -> true;   // only when its graphs are unknown (callees() said null)
            case LowLevelOperation llop -> llop.canRaise() && !(ignoreMemoryError && llop.raises().equals(MEMORY_ERROR));
            default -> throw new IllegalArgumentException(op.opname() + " is not a low-level operation");
        };
    }
}
