package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The graph passes between the rtyper and a backend, in PyPy's order ({@code backendopt}, then
 * the exception transform): the optimisations run on the rtyper's graphs, whose exception links
 * say plainly where an exception goes, and the exception transform runs last, since the graphs
 * it makes, full of tests of the pending exception, are harder to reason about. Every graph is
 * checked after every pass ({@code CheckGraph}), so that a broken pass fails where it breaks a
 * graph.
 */
public record Pipeline(List<GraphPass> passes) {

    public Pipeline {
        passes = List.copyOf(passes);
    }

    /** The passes of {@code --opt=level}. */
    public static Pipeline of(OptLevel level) {
        List<GraphPass> passes = new ArrayList<>();
        if (level == OptLevel.NONE) {
            return new Pipeline(passes);
        }
        if (level.compareTo(OptLevel.O2) >= 0) {
            // first, as in PyPy: inlining exposes the mallocs that do not escape, and constant
            // folding then sees the constants both expose (a range's step, a tuple's item)
            passes.add(new Inlining());
            passes.add(new MallocRemoval());
            // optimistic: the constants malloc removal leaves in block arguments around loops
            // (a range's step), which constant folding, deciding link by link, cannot see
            passes.add(new SparseConstantPropagation());
        }
        if (level.compareTo(OptLevel.O1) >= 0) {
            passes.add(new ConstantFolding());
        }
        passes.add(new ExceptionTransform());
        return new Pipeline(passes);
    }

    /** The program after every pass. */
    public LowLevelProgram run(LowLevelProgram program) {
        for (GraphPass pass : passes) {
            program = apply(pass, program);
        }
        return program;
    }

    /** The program after the passes up to {@code last}, included ({@code taipan rtype --after=last}). */
    public LowLevelProgram runThrough(LowLevelProgram program, String last) {
        if (passes.stream().noneMatch(p -> p.name().equals(last))) {
            throw new TaipanError("--after=" + last + ": no such pass at this level; its passes are: "
                    + (passes.isEmpty() ? "none" : passes.stream().map(GraphPass::name).collect(Collectors.joining(", "))));
        }
        for (GraphPass pass : passes) {
            program = apply(pass, program);
            if (pass.name().equals(last)) {
                break;
            }
        }
        return program;
    }

    private static LowLevelProgram apply(GraphPass pass, LowLevelProgram program) {
        LowLevelProgram out = pass.apply(program);
        for (LowLevelGraph g : out.graphs()) {
            CheckGraph.checkgraph(g.graph());
        }
        return out;
    }
}
