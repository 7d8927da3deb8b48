package dev.taipan.flowgraph.flow;

/**
 * The framestate union at a join point (see {@link FrameState#union}, the reference): the most
 * precise state that both states are instances of, or {@link FrameState.UnionError} for two
 * states that must never merge. An interface so that a student's union can take the reference's
 * place in the flow space (see {@link Exercised}).
 */
@FunctionalInterface
public interface FrameStateUnion {
    FrameState union(FrameState a, FrameState b) throws FrameState.UnionError;
}
