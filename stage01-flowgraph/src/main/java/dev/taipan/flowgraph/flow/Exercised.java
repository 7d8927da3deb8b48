package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.Exercisable;

/**
 * The parts of the flow space that stage 01's graded exercises re-implement (see
 * {@code exercises/stage01}), each chosen through {@link Exercisable#current()} where the
 * pipeline uses it. Their contract tests (the {@code *Contract} classes in this package's test
 * sources) test whatever is current, so the same tests grade the reference here and a student's
 * class in the exercises module.
 */
public final class Exercised {
    private Exercised() {}

    /** Joining a block into its only predecessor ({@link JoinBlocks}), in {@link Simplify}. */
    public static final Exercisable<GraphPass> JOIN_BLOCKS =
            new Exercisable<>("join_blocks", GraphPass.class, JoinBlocks::run);

    /** Dropping operations whose result nobody reads ({@link RemoveDeadOperations}), in {@link Simplify}. */
    public static final Exercisable<GraphPass> REMOVE_DEAD_OPERATIONS =
            new Exercisable<>("remove_dead_operations", GraphPass.class, RemoveDeadOperations::run);

    /** The framestate union at join points ({@link FrameState#union}), in {@link FlowContext}. */
    public static final Exercisable<FrameStateUnion> FRAMESTATE_UNION =
            new Exercisable<>("framestate_union", FrameStateUnion.class, FrameState::union);
}
