package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * The reference {@link RootLiveness}: one backward walk over the block (PyPy's
 * {@code gctransform/support.py}, {@code var_needsgc} and the liveness of
 * {@code framework.py}'s {@code push_roots}). The exits' arguments and the exitswitch are live at
 * the end; going up, an operation kills its result and makes its GC arguments live. An
 * operation's own result is not live across it: it comes into existence after any collection
 * the operation causes. The block is the whole story, since blocks pass values only through their
 * links: a pointer the next block needs is an argument of the link to it.
 */
public final class BlockLiveness implements RootLiveness {

    @Override
    public List<SequencedSet<Variable>> liveAcross(LowLevelGraph g, Block b) {
        SequencedSet<Variable> live = new LinkedHashSet<>();
        for (Link l : b.exits) {
            l.args.forEach(a -> addIfRoot(g, a, live));
        }
        addIfRoot(g, b.exitswitch, live);
        List<SequencedSet<Variable>> across = new ArrayList<>();
        for (int i = b.operations.size() - 1; i >= 0; i--) {
            SpaceOperation op = b.operations.get(i);
            live.remove(op.result());
            across.addFirst(new LinkedHashSet<>(live));
            op.args().forEach(a -> addIfRoot(g, a, live));
        }
        return across;
    }

    private static void addIfRoot(LowLevelGraph g, Value v, SequencedSet<Variable> live) {
        if (ShadowStackRoots.isGcPointer(g, v)) {
            live.add((Variable) v);
        }
    }
}
