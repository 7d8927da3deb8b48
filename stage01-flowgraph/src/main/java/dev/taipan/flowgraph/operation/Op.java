package dev.taipan.flowgraph.operation;

/**
 * What a {@link dev.taipan.flowgraph.flow.SpaceOperation} computes, as one entry of a catalogue
 * of operations. Two catalogues implement it, as in PyPy: {@link HLOp}, the high-level
 * operations the flow space records ({@code add}, {@code getattr}, {@code simple_call}, PyPy's
 * {@code flowspace/operation.py}), and stage 03's low-level operations ({@code int_add},
 * {@code getfield}, {@code direct_call}, PyPy's {@code rtyper/lltypesystem/lloperation.py}),
 * which the rtyper writes into the very same graph model. Every pass that only needs to know
 * what an operation <em>is</em> (may it raise? may it be dropped when nobody reads it?) asks
 * these questions and works on both kinds of graph.
 */
public interface Op {

    /** The arity of operations that take any number of arguments. */
    int VARIADIC = -1;

    /** PyPy's name for the operation: what pictures and text show. */
    String opname();

    /** Whether the operation can be computed at translation time when its arguments are constants. */
    boolean pure();

    /** Whether the operation may raise, so that inside a {@code try} it needs exception links. */
    boolean canRaise();

    /**
     * Whether running the operation can be noticed other than through its result: a store, a
     * call, an exception that the program relies on. An operation without side effects whose
     * result nobody reads is dropped.
     */
    boolean hasSideEffects();
}
