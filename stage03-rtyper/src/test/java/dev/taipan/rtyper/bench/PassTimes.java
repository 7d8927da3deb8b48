package dev.taipan.rtyper.bench;

import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.rtyper.transform.GraphPass;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * What each pass of {@code --opt=2} costs at translation time, the guide's figures on the passes'
 * own speed: each program rtyped afresh in every round, then every pass timed, in one JVM; the
 * best of the rounds after the first (the JIT's warm-up), in ms, with the operations the program
 * has after each pass. The time is the thread's CPU time, not the wall clock: on a shared machine
 * other builds take the cores for seconds at a time, which the CPU time of the pass does not
 * count (the garbage collector's threads are not counted either). The last column is the time
 * {@code CheckGraph} takes over the program after every pass, as {@code Pipeline} runs it. {@code java ... PassTimes ROUNDS PROGRAM...}, a program being one of ours
 * ({@code bench/NAME.py}, as {@code long_entry_point}) or a corpus program ({@code rpy/NAME.py}), or a file.
 */
public final class PassTimes {
    private PassTimes() { }

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws IOException {
        int rounds = Integer.parseInt(args[0]);
        List<GraphPass> passes = Pipeline.of(OptLevel.O2).passes();
        System.out.println("| program | ops | " + String.join(" | ", passes.stream().map(p -> "`" + p.name() + "` ms (ops after)").toList())
                + " | `CheckGraph` after each, ms |");
        for (String a : Arrays.asList(args).subList(1, args.length)) {
            Path file = a.endsWith(".py") ? Path.of(a) : CorpusSpeedBenchmark.locate(a);
            double[] best = new double[passes.size()];
            Arrays.fill(best, Double.MAX_VALUE);
            long[] ops = new long[passes.size() + 1];
            double checks = 0;
            double bestChecks = Double.MAX_VALUE;
            for (int r = 0; r <= rounds; r++) {
                RTyper rtyper = RtypeCommand.rtyper(file, null);
                LowLevelProgram p = rtyper.program(rtyper.graphs().getFirst());
                ops[0] = operations(p);
                for (int k = 0; k < passes.size(); k++) {
                    long t0 = CPU.getCurrentThreadCpuTime();
                    p = passes.get(k).apply(p);
                    double ms = (CPU.getCurrentThreadCpuTime() - t0) / 1e6;
                    if (r > 0) {
                        best[k] = Math.min(best[k], ms);
                    }
                    ops[k + 1] = operations(p);
                    long c0 = CPU.getCurrentThreadCpuTime();
                    p.graphs().forEach(g -> CheckGraph.checkgraph(g.graph()));
                    checks += r > 0 ? (CPU.getCurrentThreadCpuTime() - c0) / 1e6 : 0;
                }
                if (r > 0) {
                    bestChecks = Math.min(bestChecks, checks);
                    checks = 0;
                }
            }
            StringBuilder row = new StringBuilder("| " + a + " | " + ops[0] + " |");
            for (int k = 0; k < passes.size(); k++) {
                row.append(String.format(" %.1f (%d) |", best[k], ops[k + 1]));
            }
            row.append(String.format(" %.1f |", bestChecks));
            System.out.println(row);
        }
    }

    private static long operations(LowLevelProgram p) {
        return p.graphs().stream().mapToLong(g -> g.graph().operations().size()).sum();
    }
}
