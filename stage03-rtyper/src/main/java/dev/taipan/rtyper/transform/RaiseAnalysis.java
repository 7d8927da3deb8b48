package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Which graphs can let an RPy exception out, and which operations can raise one (PyPy's
 * {@code RaiseAnalyzer}, in {@code canraise.py}): a graph can raise if a link reaches its except
 * block or one of its operations can raise; a {@code direct_call} can raise if its callee can; an
 * {@code indirect_call} or an {@code _ovf} operation can. Found as the least fixpoint over all
 * graphs, so that mutually recursive functions that never raise are known not to. A
 * {@code malloc} is taken not to raise: the llinterp's heap does not fill up (a bounded heap,
 * stage 04's, will make {@code MemoryError} a question for this analysis).
 */
final class RaiseAnalysis {

    private final Set<LowLevelGraph> raising = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<LowLevelGraph> known = Collections.newSetFromMap(new IdentityHashMap<>());

    RaiseAnalysis(Collection<LowLevelGraph> graphs) {
        known.addAll(graphs);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (LowLevelGraph g : graphs) {
                if (!raising.contains(g) && computeCanRaise(g)) {
                    raising.add(g);
                    changed = true;
                }
            }
        }
    }

    boolean canRaise(LowLevelGraph g) {
        return raising.contains(g);
    }

    boolean canRaise(SpaceOperation op) {
        if (op.op() == LLOp.DIRECT_CALL) {
            return !(op.args().getFirst() instanceof Constant(LLConstant(LowLevelGraph callee, var _))) || raising.contains(callee) || !known.contains(callee);
        }
        if (op.op() == LLOp.MALLOC || op.op() == LLOp.MALLOC_VARSIZE) {
            return false;
        }
        return op.op() == LLOp.INDIRECT_CALL || op.op().canRaise();
    }

    private boolean computeCanRaise(LowLevelGraph g) {
        for (Block b : g.graph().iterblocks()) {
            if (b.exits.stream().anyMatch(l -> l.target == g.graph().exceptblock)) {
                return true;
            }
            if (b.operations.stream().anyMatch(this::canRaise)) {
                return true;
            }
        }
        return false;
    }
}
