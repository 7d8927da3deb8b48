package stage01.ex1;

import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphPass;

/**
 * Exercise stage01/ex1: joining a block into its only predecessor. The task is in README.md
 * next to this file; {@code ./taipan grade stage01/ex1} grades this class.
 */
public final class StudentJoinBlocks implements GraphPass {

    @Override
    public boolean run(FunctionGraph g) {
        // TODO: for every block of g.iterblocks() whose only exit is a plain link to a block
        // that nothing else enters, absorb that block (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage01/ex1 is not done yet");
    }
}
