package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LowLevelOperation;
import dev.taipan.rtyper.transform.GraphAnalysis;
import java.util.List;

/**
 * Which operations can run the collector (PyPy's {@code CollectAnalyzer}): an allocation in the
 * GC heap, and a call of a graph that contains one, however deep. Only across these must the
 * live GC pointers be saved on the shadow stack: a call of a function that only computes with
 * numbers, or reads fields, costs nothing more than before. A call through a function pointer
 * whose graphs are unknown can collect.
 */
public final class CollectAnalysis {
    private final GraphAnalysis analysis;

    public CollectAnalysis(List<LowLevelGraph> graphs) {
        this.analysis = new GraphAnalysis(graphs, g -> false, CollectAnalysis::collectsByItself);
    }

    public boolean canCollect(SpaceOperation op) {
        return analysis.has(op);
    }

    public boolean canCollect(LowLevelGraph g) {
        return analysis.has(g);
    }

    private static boolean collectsByItself(SpaceOperation op) {
        // a malloc; or a call whose graphs are unknown (GraphAnalysis asks about a call only then),
        // which the catalogue says can do anything
        return op.op() instanceof LowLevelOperation l && l.canMallocGc();
    }
}
