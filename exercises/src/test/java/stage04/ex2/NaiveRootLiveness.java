package stage04.ex2;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.gc.gctransform.RootLiveness;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.Ptr;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

/**
 * A plausible wrong answer to stage04/ex2 for the self-check: "save everything". Around each
 * operation it names every GC pointer the block has defined so far (its input arguments and the
 * results of the operations before), live or dead. Sound, so every program runs; but it pushes
 * pointers nobody reads again, and keeps their objects alive for nothing. The precision tests
 * must take points off it.
 */
public final class NaiveRootLiveness implements RootLiveness {
    @Override
    public List<SequencedSet<Variable>> liveAcross(LowLevelGraph g, Block b) {
        SequencedSet<Variable> defined = new LinkedHashSet<>();
        b.inputargs.stream().filter(v -> isGcPointer(g, v)).forEach(defined::add);
        List<SequencedSet<Variable>> across = new ArrayList<>();
        for (SpaceOperation op : b.operations) {
            across.add(new LinkedHashSet<>(defined));
            if (isGcPointer(g, op.result())) {
                defined.add(op.result());
            }
        }
        return across;
    }

    private static boolean isGcPointer(LowLevelGraph g, Variable v) {
        return g.typeOf(v) instanceof Ptr p && p.to().isGc();
    }
}
