package dev.taipan.gc;

import dev.taipan.flowgraph.Exercisable;
import dev.taipan.gc.gctransform.BlockLiveness;
import dev.taipan.gc.gctransform.InitializingStores;
import dev.taipan.gc.gctransform.RootLiveness;
import dev.taipan.gc.gctransform.ShadowStackRoots;
import dev.taipan.gc.gctransform.WriteBarrierPlacement;
import dev.taipan.gc.gctransform.WriteBarriers;
import dev.taipan.gc.layout.GcTypeLayout;
import dev.taipan.gc.layout.TypeInfo;
import dev.taipan.gc.layout.TypeLayouter;

/**
 * The parts of stage 04 that its graded exercises re-implement (see {@code exercises/stage04}),
 * each chosen through {@link Exercisable#current()} where the pipeline uses it. Their contract
 * tests (the {@code *Contract} classes in the test sources) test whatever is current, so the
 * same tests grade the reference here and a student's class in the exercises module.
 */
public final class Exercised {
    private Exercised() { }

    /** The collector's map of a type ({@link GcTypeLayout}), in {@link TypeInfo#of}: once per type. */
    public static final Exercisable<TypeLayouter> TYPE_LAYOUT =
            new Exercisable<>("type_layout", TypeLayouter.class, new GcTypeLayout());

    /** Which GC pointers live across each operation of a block ({@link BlockLiveness}), in {@link ShadowStackRoots}: once per pass. */
    public static final Exercisable<RootLiveness> ROOT_LIVENESS =
            new Exercisable<>("root_liveness", RootLiveness.class, new BlockLiveness());

    /** Which stores need a write barrier ({@link InitializingStores}), in {@link WriteBarriers}: once per pass. */
    public static final Exercisable<WriteBarrierPlacement> WRITE_BARRIER_PLACEMENT =
            new Exercisable<>("write_barrier_placement", WriteBarrierPlacement.class, new InitializingStores());
}
