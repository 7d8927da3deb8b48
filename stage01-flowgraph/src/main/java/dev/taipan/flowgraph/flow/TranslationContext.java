package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.PyFunction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The translation's memory of graphs (PyPy's {@code TranslationContext}): it builds the flow
 * graph of a host function the first time someone asks, keeps it, and hands out the same
 * graph afterwards. The graph interpreter asks as calls happen; the annotator (stage 02) asks
 * as it discovers which functions the entry point can reach.
 *
 * <p>Must be used where the host interpreter is current ({@code HostInterpreter.runInside}),
 * since flowing reads builtins and may constant-fold with host operations.
 */
public final class TranslationContext {
    private final Map<PyFunction, FunctionGraph> graphs = new IdentityHashMap<>();
    private final List<FunctionGraph> order = new ArrayList<>();
    private final boolean simplify;
    private FlowOperations ops;

    /** Graphs are simplified after flowing, as PyPy's {@code buildflowgraph} does. */
    public TranslationContext() {
        this(true);
    }

    public TranslationContext(boolean simplify) {
        this.simplify = simplify;
    }

    /** The flow graph of {@code func}, built on first request (may throw {@link FlowingError}). */
    public FunctionGraph buildflowgraph(PyFunction func) {
        FunctionGraph g = graphs.get(func);
        if (g == null) {
            if (ops == null) {
                ops = new FlowOperations();
            }
            g = new FlowContext(func, ops).build();
            if (simplify) {
                Simplify.simplifyGraph(g);
            }
            graphs.put(func, g);
            order.add(g);
        }
        return g;
    }

    /** Every graph built so far, in the order they were built. */
    public List<FunctionGraph> graphs() {
        return List.copyOf(order);
    }
}
