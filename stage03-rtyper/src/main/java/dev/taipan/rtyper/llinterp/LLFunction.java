package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.FuncType;
import java.util.function.Function;

/**
 * A function of the running program: its graph, the address a function pointer to it holds,
 * and its compiled code, made the first time it is called (a program translates many helpers
 * that a given run never calls).
 */
final class LLFunction {

    private final LowLevelGraph graph;
    private final long address;
    private final Function<LowLevelGraph, GraphCode> compiler;
    private final CallStack stack;
    private GraphCode code;

    LLFunction(LowLevelGraph graph, long address, Function<LowLevelGraph, GraphCode> compiler, CallStack stack) {
        this.graph = graph;
        this.address = address;
        this.compiler = compiler;
        this.stack = stack;
    }

    FuncType type() {
        return graph.signature();
    }

    long address() {
        return address;
    }

    /** Calls the function with the words in the caller's slots {@code args}; returns the result word. */
    long invoke(long[] caller, int[] args) {
        GraphCode c = code;
        if (c == null) {
            c = code = compiler.apply(graph);
        }
        return stack.call(c, c.frame(caller, args));
    }

    @Override
    public String toString() {
        return graph.name();
    }
}
