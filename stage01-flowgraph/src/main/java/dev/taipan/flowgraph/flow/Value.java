package dev.taipan.flowgraph.flow;

/**
 * What an operation works on in a flow graph: a {@link Variable} (a value known only at run
 * time) or a {@link Constant} (a host object known now, at translation time). The flow space
 * keeps every value it can as a Constant; the annotator (stage 02) gives every Variable a type.
 */
public sealed interface Value permits Variable, Constant {
}
