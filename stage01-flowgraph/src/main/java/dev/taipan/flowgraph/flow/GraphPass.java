package dev.taipan.flowgraph.flow;

/**
 * One simplification pass (see {@link Simplify}): rewrites a graph in place and says whether it
 * changed anything, so that the passes can be run to a fixpoint. The interface exists so that a
 * student's pass can take the reference's place (see {@link Exercised}).
 */
@FunctionalInterface
public interface GraphPass {
    boolean run(FunctionGraph g);
}
