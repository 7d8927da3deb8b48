package stage01.ex2;

import dev.taipan.flowgraph.flow.FrameState;
import dev.taipan.flowgraph.flow.FrameStateUnion;

/**
 * Exercise stage01/ex2: the framestate union at join points. The task is in README.md next to
 * this file; {@code ./taipan grade stage01/ex2} grades this class, and
 * {@code ./taipan --use-student stage01/ex2 exec --stage=flow prog.py} runs the flow space with it.
 */
public final class StudentFrameStateUnion implements FrameStateUnion {

    @Override
    public FrameState union(FrameState a, FrameState b) throws FrameState.UnionError {
        // TODO: unite the two states slot by slot (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage01/ex2 is not done yet");
    }
}
