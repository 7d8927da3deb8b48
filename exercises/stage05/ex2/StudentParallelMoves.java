package stage05.ex2;

import dev.taipan.x86.regalloc.Location;
import dev.taipan.x86.regalloc.Move;
import dev.taipan.x86.regalloc.ParallelMoveResolver;
import java.util.List;

/**
 * Exercise stage05/ex2: block arguments, moves that happen all at once, as single moves. The task
 * is in README.md next to this file; {@code ./taipan grade stage05/ex2} grades this class, and
 * {@code ./taipan --use-student stage05/ex2 exec --stage=x86 prog.py} runs a program whose every
 * jump passes its arguments through it.
 */
public final class StudentParallelMoves implements ParallelMoveResolver {

    @Override
    public List<Move> sequentialize(List<Move> moves, Location scratch) {
        // TODO: the moves in an order that reads every place before it is written, the cycles
        // broken through the scratch, and no move that is not one instruction (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage05/ex2 is not done yet");
    }
}
