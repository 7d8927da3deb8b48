package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.gc.Exercised;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.transform.GraphPass;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The write barrier of a generational collector (PyPy's {@code gctransform/framework.py},
 * {@code transform_generic_set}): a {@code gc_write_barrier(obj)} before every store of a GC
 * pointer into a GC object ({@code setfield}, {@code setarrayitem}, {@code setinteriorfield})
 * that may make an old object point to a young one, so that the collector learns which old
 * objects may point into the nursery. A minor collection traces only those, instead of the
 * whole old space.
 *
 * <p>Which stores need one is a {@link WriteBarrierPlacement} (the reference
 * {@link InitializingStores}, unless {@link Exercised#WRITE_BARRIER_PLACEMENT} names another):
 * not the stores of non-GC values or constants, nor those into an object allocated since the
 * last operation that can collect, the common case of a constructor filling in its new object.
 *
 * <p>It runs before {@link ShadowStackRoots}: the barrier reads its object, so the roots pass
 * sees the use; and the barrier cannot collect (the collector's slow path grows a raw array),
 * so it needs no roots around it.
 */
public final class WriteBarriers implements GraphPass {
    private final WriteBarrierPlacement placement = Exercised.WRITE_BARRIER_PLACEMENT.current();
    private final Set<LowLevelGraph> exempt;

    /** The pass over every graph of the program. */
    public WriteBarriers() {
        this(Set.of());
    }

    /** The pass over every graph but those of {@code exempt} (the collector's own). */
    public WriteBarriers(Set<LowLevelGraph> exempt) {
        this.exempt = exempt;
    }

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
            if (exempt.contains(g)) {
                continue;
            }
            Set<SpaceOperation> barriered = placement.storesNeedingABarrier(g, collects);
            for (Block b : g.graph().iterblocks()) {
                b.operations = withBarriers(g, b.operations, barriered);
            }
        }
        return program;
    }

    /** Whether {@code op} stores into a field or an item of a struct or an array. */
    static boolean isStore(SpaceOperation op) {
        return op.op() == LLOp.SETFIELD || op.op() == LLOp.SETARRAYITEM || op.op() == LLOp.SETINTERIORFIELD;
    }

    private static List<SpaceOperation> withBarriers(LowLevelGraph g, List<SpaceOperation> ops, Set<SpaceOperation> barriered) {
        List<SpaceOperation> out = new ArrayList<>();
        for (SpaceOperation op : ops) {
            if (barriered.contains(op)) {
                if (!isStore(op)) {
                    throw new IllegalStateException(g.name() + ": a write barrier asked before " + op + ", which is no store");
                }
                Variable none = new Variable();
                g.setType(none, Primitive.VOID);
                out.add(new SpaceOperation(GcOp.GC_WRITE_BARRIER, List.of(op.args().getFirst()), none, op.line()));
            }
            out.add(op);
        }
        return out;
    }
}
