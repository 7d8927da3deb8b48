package stage04.ex2;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.gc.gctransform.RootLiveness;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import java.util.List;
import java.util.SequencedSet;

/**
 * Exercise stage04/ex2: the GC pointers live across each operation of a block, which the roots
 * pass saves on the shadow stack. The task is in README.md next to this file;
 * {@code ./taipan grade stage04/ex2} grades this class, and
 * {@code ./taipan --use-student stage04/ex2 exec --stage=gc --gc=semispace --gc-stress prog.py}
 * runs a program whose roots are placed by it.
 */
public final class StudentRootLiveness implements RootLiveness {

    @Override
    public List<SequencedSet<Variable>> liveAcross(LowLevelGraph g, Block b) {
        // TODO: for each operation of b, the GC pointer variables that exist before it and that
        // the rest of the block uses after it (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage04/ex2 is not done yet");
    }
}
