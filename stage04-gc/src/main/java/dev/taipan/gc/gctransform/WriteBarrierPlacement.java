package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import java.util.Set;

/**
 * The analysis behind {@link WriteBarriers}: which stores of a graph need a
 * {@code gc_write_barrier} in front of them. The reference is {@link InitializingStores};
 * {@link WriteBarriers} asks the current one (see
 * {@link dev.taipan.gc.Exercised#WRITE_BARRIER_PLACEMENT}) once per pass, and puts a barrier on
 * the stored-into object before each store the answer holds. An interface so that a student's
 * analysis can take the reference's place.
 */
@FunctionalInterface
public interface WriteBarrierPlacement {
    /**
     * The stores of {@code g} ({@code setfield}, {@code setarrayitem}, {@code setinteriorfield}
     * operations of its blocks) that may put a young object into an old one; {@code collects}
     * says which operations can run the collector.
     */
    Set<SpaceOperation> storesNeedingABarrier(LowLevelGraph g, CollectAnalysis collects);
}
