package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One translation (PyPy's {@code TranslationContext}): the host interpreter that imported the
 * program, and the memory of its flow graphs. It builds the flow graph of a host function the
 * first time someone asks, keeps it, and hands out the same graph afterwards. The graph
 * interpreter asks as calls happen; the annotator (stage 02) asks as it discovers which
 * functions the entry point can reach; later stages hang their own state off the annotator
 * that holds this context.
 *
 * <p>Everything a translation needs is reachable from here, passed explicitly: two
 * translations in one JVM (a notebook's cells, the rtyper annotating its helpers in the middle
 * of rtyping) never see each other's builtins, graphs or choices of exercise components.
 */
public final class TranslationContext {
    private final Map<PyFunction, FunctionGraph> graphs = new IdentityHashMap<>();
    private final List<FunctionGraph> order = new ArrayList<>();
    private final HostInterpreter host;
    private final boolean simplify;
    private final FlowOperations ops;
    private final Simplify simplifier = Simplify.selected();
    private final FrameStateUnion framestateUnion = Exercised.FRAMESTATE_UNION.current();
    private long flowNanos;

    /** Graphs are simplified after flowing, as PyPy's {@code buildflowgraph} does. */
    public TranslationContext(HostInterpreter host) {
        this(host, true);
    }

    public TranslationContext(HostInterpreter host, boolean simplify) {
        this.host = host;
        this.simplify = simplify;
        this.ops = new FlowOperations(host);
    }

    /** The host interpreter whose live objects (the imported program) this translation starts from. */
    public HostInterpreter host() {
        return host;
    }

    /** The flow graph of {@code func}, built on first request (may throw {@link FlowingError}). */
    public FunctionGraph buildflowgraph(PyFunction func) {
        FunctionGraph g = graphs.get(func);
        if (g == null) {
            g = flow(func);
            graphs.put(func, g);
            order.add(g);
        }
        return g;
    }

    /**
     * A new flow graph of {@code func}, not remembered: the annotator's copy for one
     * specialisation of a function ({@code specialize:argtype}, a low-level helper per argument
     * types), which it annotates apart from the function's other graphs.
     */
    public FunctionGraph buildspecializedgraph(PyFunction func) {
        return flow(func);
    }

    private FunctionGraph flow(PyFunction func) {
        long start = System.nanoTime();
        FunctionGraph g = new FlowContext(func, ops, framestateUnion).build();
        if (simplify) {
            simplifier.simplifyGraph(g);
        }
        flowNanos += System.nanoTime() - start;
        return g;
    }

    /**
     * The time spent building (and simplifying) flow graphs so far. The annotator asks for a
     * graph when it first reaches a function, so flowing and annotating interleave, as in PyPy;
     * this is how {@code taipan translate} still times them as two phases.
     */
    public long flowNanos() {
        return flowNanos;
    }

    /** Every graph built so far, in the order they were built. */
    public List<FunctionGraph> graphs() {
        return List.copyOf(order);
    }
}
