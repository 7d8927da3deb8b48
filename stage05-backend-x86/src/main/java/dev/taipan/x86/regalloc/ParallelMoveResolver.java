package dev.taipan.x86.regalloc;

import java.util.List;

/**
 * The parallel-move resolver: block arguments, moves that happen all at once, as a sequence of
 * single moves the x86 can make one after the other. The reference is
 * {@link ParallelMoves#remapFrameLayout}, PyPy's {@code remap_frame_layout}; the code generator
 * takes the current one once per function (see
 * {@link dev.taipan.x86.Exercised#PARALLEL_MOVES}), so that a student's resolver carries the
 * block arguments of every translated program when an exercise names one. The instructions stay
 * the {@link MoveEmitter}'s.
 */
@FunctionalInterface
public interface ParallelMoveResolver {
    /**
     * {@code moves} (every destination distinct, no constant a destination, the scratch in none of
     * them) in an order that, run one move at a time, gives every destination its source's old
     * value and changes nothing else but {@code scratch}; each move one instruction of
     * {@link MoveEmitter}.
     */
    List<Move> sequentialize(List<Move> moves, Location scratch);
}
