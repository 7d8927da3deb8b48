package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.memory.Heap;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** A program loaded in an llinterp over a fresh heap, its output captured; closing frees the heap. */
final class Running implements AutoCloseable {

    final Heap heap;
    final LLInterpreter interp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Running(HeapKind kind, LowLevelProgram program) {
        heap = kind.open();
        try {
            interp = new LLInterpreter(program, heap, new PrintStream(out, false, StandardCharsets.ISO_8859_1));
        } catch (RuntimeException e) {
            heap.close();
            throw e;
        }
    }

    /** Calls {@code graph} in a fresh llinterp of {@code program}. */
    static Object call(HeapKind kind, LowLevelProgram program, LowLevelGraph graph, Object... args) {
        try (var r = new Running(kind, program)) {
            return r.interp.call(graph, args);
        }
    }

    String output() {
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        heap.close();
    }
}
