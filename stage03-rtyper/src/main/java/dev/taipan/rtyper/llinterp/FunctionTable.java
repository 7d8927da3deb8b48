package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.LowLevelGraph;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The functions of the running program and their addresses. A function pointer is a word like
 * any other: it is stored in vtables and function tables (the image's relocations put it there),
 * compared, passed, and finally called by {@code indirect_call}. So each graph gets an address
 * when first met, {@code BASE + STRIDE * n}: never 0 (the null function pointer), aligned like
 * code, and far below any address the heap hands out, so that a function pointer used as a data
 * pointer points to no object (the checked heap says so). The x86 backend will use the real
 * addresses of the machine code instead; nothing else changes.
 */
final class FunctionTable {

    static final long BASE = 0x1000;
    static final long STRIDE = 16;

    private final List<LLFunction> byIndex = new ArrayList<>();
    private final Map<LowLevelGraph, LLFunction> byGraph = new IdentityHashMap<>();
    private final Function<LowLevelGraph, GraphCode> compiler;
    private final CallStack stack;

    FunctionTable(Function<LowLevelGraph, GraphCode> compiler, CallStack stack) {
        this.compiler = compiler;
        this.stack = stack;
    }

    /** The function of {@code graph}, given the next address if it has none yet. */
    LLFunction of(LowLevelGraph graph) {
        return byGraph.computeIfAbsent(graph, g -> {
            var f = new LLFunction(g, BASE + STRIDE * byIndex.size(), compiler, stack);
            byIndex.add(f);
            return f;
        });
    }

    /** The function at {@code address}, or an error if the word is not a function's address. */
    LLFunction at(long address) {
        long n = (address - BASE) / STRIDE;
        if (address < BASE || (address - BASE) % STRIDE != 0 || n >= byIndex.size()) {
            throw new IllegalStateException(address == 0 ? "call through a null function pointer"
                    : "call through 0x" + Long.toHexString(address) + ", which is not the address of a function");
        }
        return byIndex.get((int) n);
    }
}
