package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * The invariant {@link ShadowStackRoots} establishes, checked on its own (an oracle for the
 * pass, as {@code CheckGraph} is for every graph): after an operation that can collect, no GC
 * pointer held in a variable from before it is used again. Every such pointer the rest of the
 * block needs comes from a {@code gc_restore_root}, that is from the shadow stack, where a
 * moving collector has updated it. A use of an older variable would read an object where it
 * was before the collection: in from-space, freed.
 */
public final class RootsCheck {
    private RootsCheck() { }

    /** Throws, naming the graph, the block and the variable, where a GC pointer is used across a collection. */
    public static void check(LowLevelGraph g, CollectAnalysis collects) {
        for (Block b : g.graph().iterblocks()) {
            Set<Variable> defined = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Variable> stale = Collections.newSetFromMap(new IdentityHashMap<>());
            b.inputargs.stream().filter(v -> ShadowStackRoots.isGcPointer(g, v)).forEach(defined::add);
            SpaceOperation lastCollect = null;
            for (SpaceOperation op : b.operations) {
                for (Value a : op.args()) {
                    need(g, a, stale, lastCollect);
                }
                if (collects.canCollect(op)) {
                    stale.addAll(defined);
                    lastCollect = op;
                }
                if (ShadowStackRoots.isGcPointer(g, op.result())) {
                    defined.add(op.result());
                }
            }
            need(g, b.exitswitch, stale, lastCollect);
            for (Link l : b.exits) {
                for (Value a : l.args) {
                    need(g, a, stale, lastCollect);
                }
            }
        }
    }

    private static void need(LowLevelGraph g, Value v, Set<Variable> stale, SpaceOperation collect) {
        if (v instanceof Variable var && stale.contains(var)) {
            throw new IllegalStateException(g.name() + ": " + var + " is used after " + collect
                    + ", which can collect, without being reloaded from the shadow stack");
        }
    }
}
