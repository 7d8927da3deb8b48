package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import java.util.List;
import java.util.SequencedSet;

/**
 * The analysis behind {@link ShadowStackRoots}: which GC pointers must survive each operation of
 * a block, so that the pass saves them on the shadow stack around those that can collect. The
 * reference is {@link BlockLiveness}; {@link ShadowStackRoots} asks the current one (see
 * {@link dev.taipan.gc.Exercised#ROOT_LIVENESS}) once per pass. An interface so that a
 * student's analysis can take the reference's place, while the rewriting (the pushes, the
 * reloads into new variables) stays the pass's.
 */
@FunctionalInterface
public interface RootLiveness {
    /**
     * For each operation {@code i} of {@code b}, in order, the variables holding pointers to GC
     * objects that exist before operation {@code i} and that the rest of the block still uses
     * after it (a later operation, the block's exitswitch, the arguments of its exits). They are
     * pushed in the order of the set.
     */
    List<SequencedSet<Variable>> liveAcross(LowLevelGraph g, Block b);
}
