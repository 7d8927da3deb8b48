package dev.taipan.x86;

import dev.taipan.flowgraph.Exercisable;
import dev.taipan.x86.asm.AddressEncoder;
import dev.taipan.x86.asm.ModRmSibEncoder;
import dev.taipan.x86.regalloc.LinearScan;
import dev.taipan.x86.regalloc.ParallelMoveResolver;
import dev.taipan.x86.regalloc.ParallelMoves;

/**
 * The parts of stage 05 that its graded exercises re-implement (see {@code exercises/stage05}),
 * each chosen through {@link Exercisable#current()} where the backend uses it. Their contract
 * tests (the {@code *Contract} classes in the test sources) test whatever is current, so the
 * same tests grade the reference here and a student's class in the exercises module.
 */
public final class Exercised {
    private Exercised() { }

    /**
     * How a memory operand is encoded: REX.X and REX.B, ModRM, SIB, displacement
     * ({@link ModRmSibEncoder}), taken by every {@code Assembler} when it is made.
     */
    public static final Exercisable<AddressEncoder> ADDRESS_ENCODING =
            new Exercisable<>("address_encoding", AddressEncoder.class, new ModRmSibEncoder());

    /**
     * Block arguments as single moves ({@link ParallelMoves#remapFrameLayout}), taken by each
     * function's code generator when it is made.
     */
    public static final Exercisable<ParallelMoveResolver> PARALLEL_MOVES =
            new Exercisable<>("parallel_moves", ParallelMoveResolver.class, ParallelMoves::remapFrameLayout);

    /**
     * Which value goes to memory when linear scan runs out of registers
     * ({@link LinearScan.SpillChoice#FURTHEST_END}, Poletto and Sarkar's rule), taken once per
     * function when its frame is allocated.
     */
    public static final Exercisable<LinearScan.SpillChoice> SPILL_CHOICE =
            new Exercisable<>("spill_choice", LinearScan.SpillChoice.class, LinearScan.SpillChoice.FURTHEST_END);
}
