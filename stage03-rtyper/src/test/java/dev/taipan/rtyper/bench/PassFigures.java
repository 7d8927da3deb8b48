package dev.taipan.rtyper.bench;

import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.rtyper.transform.Inlining;
import dev.taipan.rtyper.transform.MallocRemoval;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * The figures of the guide's section on inlining and malloc removal: for each program, the
 * operations and mallocs in its graphs and the llinterp's time (fast heap, best of five runs after
 * two warm-ups), without and with the two passes. {@code java ... PassFigures FILE...}
 */
public final class PassFigures {
    private PassFigures() { }

    public static void main(String[] args) {
        System.out.println("| program | ops | mallocs | ms | ops after | mallocs after | ms after |");
        for (String a : args) {
            Path file = Path.of(a);
            LowLevelProgram plain = rtype(file);
            String before = figures(plain, file);
            LowLevelProgram optimised = new MallocRemoval().apply(new Inlining().apply(rtype(file)));
            System.out.println("| " + file.getFileName() + " | " + before + " | " + figures(optimised, file) + " |");
        }
    }

    private static LowLevelProgram rtype(Path file) {
        RTyper rtyper = RtypeCommand.rtyper(file, null);
        return rtyper.program(rtyper.graphs().getFirst());
    }

    private static String figures(LowLevelProgram p, Path file) {
        long ops = 0;
        long mallocs = 0;
        for (LowLevelGraph g : p.graphs()) {
            for (var op : g.graph().operations()) {
                ops++;
                if (op.opname().equals("malloc")) {
                    mallocs++;
                }
            }
        }
        long best = Long.MAX_VALUE;
        for (int i = 0; i < 7; i++) {
            try (Heap heap = Heap.fast()) {
                long t0 = System.nanoTime();
                new LLInterpreter(p, heap, new PrintStream(OutputStream.nullOutputStream())).runMain(List.of(file.toString()));
                long t = System.nanoTime() - t0;
                if (i >= 2) {
                    best = Math.min(best, t);
                }
            }
        }
        return ops + " | " + mallocs + " | " + String.format("%.1f", best / 1e6);
    }
}
