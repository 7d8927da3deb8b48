package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.transform.GraphPass;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The write barrier of a generational collector (PyPy's {@code gctransform/framework.py},
 * {@code transform_generic_set}): a {@code gc_write_barrier(obj)} before every store of a GC
 * pointer into a GC object ({@code setfield}, {@code setarrayitem}, {@code setinteriorfield}),
 * so that the collector learns which old objects may point into the nursery. A minor
 * collection traces only those, instead of the whole old space.
 *
 * <p>A barrier is omitted where it is provably useless:
 * <ul>
 *   <li>the value stored is not a GC pointer, or is a constant (null, or a prebuilt object,
 *       which is old: an old object pointing to an old one is no business of the collector's);
 *   <li>the object stored into was allocated with no operation that can collect
 *       ({@link CollectAnalysis}) since its {@code malloc}, in the same block or in blocks
 *       that lead only to this one: it is young, so nothing
 *       needs remembering, or the collector allocated it old (too large for the nursery) and
 *       then remembered it already. This is the common case of a constructor filling in the
 *       fields of the object it just made.
 * </ul>
 *
 * <p>It runs before {@link ShadowStackRoots}: the barrier reads its object, so the roots pass
 * sees the use; and the barrier cannot collect (the collector's slow path grows a raw array),
 * so it needs no roots around it.
 */
public final class WriteBarriers implements GraphPass {

    @Override
    public String name() {
        return "gc-write-barriers";
    }

    @Override
    public String description() {
        return "gc_write_barrier(obj) before each store of a GC pointer into a GC object that may be old";
    }

    @Override
    public LowLevelProgram apply(LowLevelProgram program) {
        CollectAnalysis collects = new CollectAnalysis(program.graphs());
        for (LowLevelGraph g : program.graphs()) {
            transform(g, collects);
        }
        return program;
    }

    /**
     * Block by block, knowing at each block's start which of its input variables hold an object
     * allocated since the last collection point: those its only predecessor passes it (the
     * exception transform splits a {@code malloc} from the rest of its block by the test for
     * {@code MemoryError}, so a constructor's stores are one link away); none at a block that
     * several links enter (a loop header, a join), where the facts would have to agree.
     */
    private static void transform(LowLevelGraph g, CollectAnalysis collects) {
        Map<Block, Integer> entries = new IdentityHashMap<>();
        for (Block b : g.graph().iterblocks()) {
            for (Link l : b.exits) {
                entries.merge(l.target, 1, Integer::sum);
            }
        }
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
            b.operations = withBarriers(g, b.operations, fresh, collects);
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
    }

    private static Set<Value> newFreshSet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** The operations with their barriers; {@code fresh}, the objects allocated since the last collection point, is updated. */
    private static List<SpaceOperation> withBarriers(LowLevelGraph g, List<SpaceOperation> ops, Set<Value> fresh,
                                                     CollectAnalysis collects) {
        List<SpaceOperation> out = new ArrayList<>();
        for (SpaceOperation op : ops) {
            if (needsBarrier(g, op) && !fresh.contains(op.args().getFirst())) {
                Variable none = new Variable();
                g.setType(none, Primitive.VOID);
                out.add(new SpaceOperation(GcOp.GC_WRITE_BARRIER, List.of(op.args().getFirst()), none, op.line()));
            }
            out.add(op);
            if (collects.canCollect(op)) {
                fresh.clear();
            }
            if (op.op() == LLOp.MALLOC || op.op() == LLOp.MALLOC_VARSIZE
                    || (op.op() == LLOp.CAST_POINTER || op.op() == LLOp.SAME_AS) && fresh.contains(op.args().getFirst())) {
                fresh.add(op.result());   // the same new object, seen as another type
            }
        }
        return out;
    }

    /** Whether op stores a GC pointer that may be young into a GC object. */
    static boolean needsBarrier(LowLevelGraph g, SpaceOperation op) {
        if (op.op() != LLOp.SETFIELD && op.op() != LLOp.SETARRAYITEM && op.op() != LLOp.SETINTERIORFIELD) {
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
