package stage04.ex3;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.gc.gctransform.CollectAnalysis;
import dev.taipan.gc.gctransform.InitializingStores;
import dev.taipan.gc.gctransform.WriteBarrierPlacement;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A plausible wrong answer to stage04/ex3 for the self-check: the reasoning about fresh objects
 * is right, but only {@code setfield} is thought of as a store; an item stored into a list's
 * array ({@code setarrayitem}) gets no barrier, so an old list that receives a young object
 * loses it at the next minor collection. The contract must take points off it.
 */
public final class NaiveWriteBarrierPlacement implements WriteBarrierPlacement {
    @Override
    public Set<SpaceOperation> storesNeedingABarrier(LowLevelGraph g, CollectAnalysis collects) {
        return new InitializingStores().storesNeedingABarrier(g, collects).stream()
                .filter(op -> op.op() == LLOp.SETFIELD).collect(Collectors.toSet());
    }
}
