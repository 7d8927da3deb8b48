package dev.taipan.annotator.bench;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Annotation throughput on one thread, on the {@value #LINES}-line program of
 * {@link AnnotatorBenchProgram}. One operation annotates the whole program, from
 * {@code entry_point} to the fixpoint; the secondary results count what it covered, so JMH
 * reports them per second: {@code blocks} (blocks the annotator reached), {@code graphs}
 * (graphs annotated) and {@code lines} (lines of source). Three scopes:
 *
 * <ul>
 *   <li>{@link #fromSource}: what {@code taipan annotate} does after the JVM has started:
 *       parse, compile and import the module on the host interpreter, then annotate;
 *   <li>{@link #flowAndAnnotate}: the module imported once; the annotator discovers the
 *       functions and has each graph flowed on first sight, as PyPy's does;
 *   <li>{@link #annotateOnly}: the graphs built once too (by a first annotation into a shared
 *       {@link TranslationContext}); only the fixpoint is timed. Flowing is not part of the
 *       annotator's algorithm, so this is the annotator's own throughput.
 * </ul>
 *
 * One annotation takes most of a second, so iterations are longer than stage 01's.
 *
 * <pre>./mvnw -Pbench -DskipTests verify -pl stage01-flowgraph,stage02-annotator -Dtaipan.bench.skip.stage01=true</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class AnnotatorBenchmark {

    static final int LINES = 10_000;

    private Path file;
    private long lines;
    private HostInterpreter host;
    private PyFunction entry;
    private TranslationContext built;
    private long blocks;
    private long graphs;

    /** JMH's extra counters: what one annotation covered. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Covered {
        public long blocks;
        public long graphs;
        public long lines;

        @Setup(Level.Iteration)
        public void reset() {
            blocks = 0;
            graphs = 0;
            lines = 0;
        }
    }

    @Setup
    public void prepare() throws IOException {
        String program = AnnotatorBenchProgram.generate(LINES);
        lines = program.lines().count();
        file = Files.writeString(Files.createTempDirectory("annotator-bench").resolve("annotator_bench.py"), program);
        host = quietHost();
        PyModule module = host.importFile(file);
        entry = (PyFunction) module.get("entry_point");
        built = new TranslationContext(host);
        Annotator ann = host.runInside(() -> AnnotateCommand.annotateFrom(built, entry, true));
        for (FunctionGraph g : ann.graphs()) {
            graphs++;
            for (Block b : g.iterblocks()) {
                if (ann.reached(b)) {
                    blocks++;
                }
            }
        }
    }

    private static HostInterpreter quietHost() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
    }

    private void count(Covered c) {
        c.blocks += blocks;
        c.graphs += graphs;
        c.lines += lines;
    }

    @Benchmark
    public Annotator fromSource(Covered c) {
        HostInterpreter fresh = quietHost();
        PyFunction f = (PyFunction) fresh.importFile(file).get("entry_point");
        Annotator ann = fresh.runInside(() -> AnnotateCommand.annotateFrom(new TranslationContext(fresh), f, true));
        count(c);
        return ann;
    }

    @Benchmark
    public Annotator flowAndAnnotate(Covered c) {
        Annotator ann = host.runInside(() -> AnnotateCommand.annotateFrom(new TranslationContext(host), entry, true));
        count(c);
        return ann;
    }

    @Benchmark
    public Annotator annotateOnly(Covered c) {
        Annotator ann = host.runInside(() -> AnnotateCommand.annotateFrom(built, entry, true));
        count(c);
        return ann;
    }
}
