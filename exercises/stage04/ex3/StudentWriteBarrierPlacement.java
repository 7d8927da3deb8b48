package stage04.ex3;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.gc.gctransform.CollectAnalysis;
import dev.taipan.gc.gctransform.WriteBarrierPlacement;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import java.util.Set;

/**
 * Exercise stage04/ex3: the stores that need a write barrier. The task is in README.md next to
 * this file; {@code ./taipan grade stage04/ex3} grades this class, and
 * {@code ./taipan --use-student stage04/ex3 exec --stage=gc --gc=generational --gc-stress prog.py}
 * runs a program whose barriers are placed by it.
 */
public final class StudentWriteBarrierPlacement implements WriteBarrierPlacement {

    @Override
    public Set<SpaceOperation> storesNeedingABarrier(LowLevelGraph g, CollectAnalysis collects) {
        // TODO: every store of a GC pointer into a GC object, except stores of constants and
        // stores into an object allocated since the last operation that can collect
        // (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage04/ex3 is not done yet");
    }
}
