package dev.taipan.rtyper.bench;

import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The guide's table of the graph passes at run time: each program's {@code entry_point} in the
 * llinterp on the fast heap, at every {@code --opt} level, one interpreter per level kept warm,
 * the levels run in turn within each round, so that the machine's load, which changes from
 * second to second on a shared machine, hits every level alike. Prints the best and the median
 * of the measured rounds in ms. {@code java ... OptLevelFigures ROUNDS PROGRAM...}, a program
 * being one of ours ({@code bench/NAME.py}) or a corpus program ({@code rpy/NAME.py}).
 */
public final class OptLevelFigures {
    private OptLevelFigures() { }

    private static final int WARMUP = 3;

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        List<OptLevel> levels = List.of(OptLevel.NONE, OptLevel.O0, OptLevel.O1, OptLevel.O2);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.out.println("| program | " + String.join(" | ", levels.stream().map(l -> "`--opt=" + l + "`").toList()) + " |");
        for (String name : Arrays.asList(args).subList(1, args.length)) {
            Path file = CorpusSpeedBenchmark.locate(name);
            List<Heap> heaps = new ArrayList<>();
            List<LLInterpreter> interps = new ArrayList<>();
            for (OptLevel level : levels) {
                RTyper rtyper = RtypeCommand.rtyper(file, null);
                LowLevelProgram p = Pipeline.of(level).run(rtyper.program(rtyper.graphs().getFirst()));
                Heap heap = Heap.fast();
                heaps.add(heap);
                interps.add(new LLInterpreter(p, heap, quiet));
            }
            double[][] ms = new double[levels.size()][rounds];
            for (int r = 0; r < WARMUP + rounds; r++) {
                for (int k = 0; k < levels.size(); k++) {
                    long t0 = System.nanoTime();
                    interps.get(k).runMain(List.of(file.toString()));
                    if (r >= WARMUP) {
                        ms[k][r - WARMUP] = (System.nanoTime() - t0) / 1e6;
                    }
                }
            }
            StringBuilder row = new StringBuilder("| " + name + " |");
            for (double[] m : ms) {
                Arrays.sort(m);
                row.append(String.format(" %.1f (%.1f) |", m[0], m[m.length / 2]));
            }
            System.out.println(row);
            heaps.forEach(Heap::close);
        }
    }
}
