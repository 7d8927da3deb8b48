package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Ptr;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The reference {@link WriteBarrierPlacement}: every store of a GC pointer into a GC object,
 * except the <em>initializing stores</em> (PyPy's {@code find_initializing_stores} in
 * {@code gctransform/framework.py}): those into an object allocated with no operation that can
 * collect since its {@code malloc}. Such an object is young (or was allocated old and remembered
 * at once), so the store cannot make an old object point to a young one unknown to the
 * collector. Stores of non-GC values and of constants (null, prebuilt objects: never young) need
 * no barrier either.
 *
 * <p>Freshness is followed block by block: a block starts with the fresh objects its only
 * predecessor passes it (the exception transform splits a {@code malloc} from the rest of its
 * block by the test for {@code MemoryError}, so a constructor's stores are one link away); at a
 * block that several links enter (a loop header, a join), where the facts would have to agree,
 * nothing is known to be fresh.
 */
public final class InitializingStores implements WriteBarrierPlacement {

    @Override
    public Set<SpaceOperation> storesNeedingABarrier(LowLevelGraph g, CollectAnalysis collects) {
        Map<Block, Integer> entries = new IdentityHashMap<>();
        for (Block b : g.graph().iterblocks()) {
            for (Link l : b.exits) {
                entries.merge(l.target, 1, Integer::sum);
            }
        }
        Set<SpaceOperation> barriered = new HashSet<>();
        ArrayDeque<Map.Entry<Block, Set<Value>>> todo = new ArrayDeque<>();
        for (Block b : g.graph().iterblocks()) {
            if (b == g.graph().startblock || entries.getOrDefault(b, 0) != 1) {
                todo.add(Map.entry(b, newFreshSet()));
            }
        }
        while (!todo.isEmpty()) {
            Map.Entry<Block, Set<Value>> next = todo.poll();
            Block b = next.getKey();
            Set<Value> fresh = next.getValue();
            visit(g, b, fresh, collects, barriered);
            for (Link l : b.exits) {
                if (l.target != g.graph().startblock && entries.get(l.target) == 1) {
                    Set<Value> passed = newFreshSet();
                    for (int i = 0; i < l.args.size(); i++) {
                        if (fresh.contains(l.args.get(i))) {
                            passed.add(l.target.inputargs.get(i));
                        }
                    }
                    todo.add(Map.entry(l.target, passed));
                }
            }
        }
        return barriered;
    }

    private static Set<Value> newFreshSet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** The stores of {@code b} that need a barrier; {@code fresh}, the objects allocated since the last collection point, is updated. */
    private static void visit(LowLevelGraph g, Block b, Set<Value> fresh, CollectAnalysis collects,
                              Set<SpaceOperation> barriered) {
        for (SpaceOperation op : b.operations) {
            if (needsBarrier(g, op) && !fresh.contains(op.args().getFirst())) {
                barriered.add(op);
            }
            if (collects.canCollect(op)) {
                fresh.clear();
            }
            if (op.op() == LLOp.MALLOC || op.op() == LLOp.MALLOC_VARSIZE
                    || (op.op() == LLOp.CAST_POINTER || op.op() == LLOp.SAME_AS) && fresh.contains(op.args().getFirst())) {
                fresh.add(op.result());   // the same new object, seen as another type
            }
        }
    }

    /** Whether op stores a GC pointer that may be young into a GC object. */
    private static boolean needsBarrier(LowLevelGraph g, SpaceOperation op) {
        if (!WriteBarriers.isStore(op)) {
            return false;
        }
        Value obj = op.args().getFirst();
        if (!ShadowStackRoots.isGcPointer(g, op.args().getLast())) {
            return false;   // an int, a raw pointer, or a constant: never young
        }
        if (g.typeOf(obj) instanceof Ptr p && p.to().isGc()) {
            return true;   // a variable, or a prebuilt object named by a constant (after inlining): old, so barriered
        }
        if (obj instanceof Variable) {
            // an interior pointer into a GC object: the barrier would need the object itself
            throw new IllegalStateException(g.name() + ": " + op + " stores a GC pointer through " + obj
                    + ", which is no GC object: no write barrier can be placed");
        }
        return false;   // a prebuilt raw struct (exc_data): a root the collector always traces
    }
}
