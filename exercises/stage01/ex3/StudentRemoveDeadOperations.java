package stage01.ex3;

import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphPass;

/**
 * Exercise stage01/ex3: removing dead operations. The task is in README.md next to this file;
 * {@code ./taipan grade stage01/ex3} grades this class.
 */
public final class StudentRemoveDeadOperations implements GraphPass {

    @Override
    public boolean run(FunctionGraph g) {
        // TODO: drop every operation without side effects whose result nothing reads
        // (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage01/ex3 is not done yet");
    }
}
