package dev.taipan.rtyper.bench;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.rtyper.RTyper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to low-level graphs, on one thread, for the {@value #LINES}-line program of
 * {@link RTyperBenchProgram}; a result is milliseconds per operation. Four scopes, so that the
 * rtyper's share can be read off:
 *
 * <ul>
 *   <li>{@link #fromSource}: what {@code taipan rtype} does after the JVM has started, short
 *       of printing: parse, compile and import the module on a fresh host interpreter, flow
 *       and annotate from {@code entry_point}, then rtype ({@code specialize});
 *   <li>{@link #annotateFromSource}: the same without the rtyper, so that
 *       {@code fromSource - annotateFromSource} is the rtyper's time in that pipeline;
 *   <li>{@link #rtypeOnly}: a fresh {@link RTyper} over one finished annotation (the rtyper
 *       leaves the annotated graphs as it found them, which {@code RTyperBenchProgramTest}
 *       checks), so only {@code specialize} is timed;
 *   <li>{@link #rtypeAndImage}: the same, then the {@link LowLevelProgram} the llinterp runs,
 *       whose image of prebuilt objects (vtables, strings, exceptions) is laid out here.
 * </ul>
 *
 * The cold figure, a fresh JVM for one run of {@code taipan rtype}, is not JMH's to measure;
 * the stage's README gives it with its command.
 *
 * <pre>./mvnw -Pbench -DskipTests verify -pl stage01-flowgraph,stage02-annotator,stage03-rtyper -Dtaipan.bench.skip.stage01=true -Dtaipan.bench.skip.stage02=true -Djmh.args=RTyperBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class RTyperBenchmark {

    static final int LINES = 10_000;

    private Path file;
    private Annotator annotated;

    @Setup
    public void prepare() throws IOException {
        file = Files.writeString(Files.createTempDirectory("rtyper-bench").resolve("rtyper_bench.py"),
                RTyperBenchProgram.generate(LINES));
        annotated = annotate();
    }

    /** The low-level graphs of a finished annotation, by a fresh rtyper (on its host, as {@code taipan rtype} runs it). */
    static List<LowLevelGraph> rtype(Annotator ann) {
        return rtyper(ann).graphs();
    }

    private static RTyper rtyper(Annotator ann) {
        return ann.translator().host().runInside(() -> {
            RTyper rtyper = new RTyper(ann);
            rtyper.specialize();
            return rtyper;
        });
    }

    private Annotator annotate() {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        return AnnotateCommand.annotateFile(new HostInterpreter(quiet, quiet, InputStream.nullInputStream()), file,
                "entry_point", true);
    }

    @Benchmark
    public List<LowLevelGraph> fromSource() {
        return rtype(annotate());
    }

    @Benchmark
    public Annotator annotateFromSource() {
        return annotate();
    }

    @Benchmark
    public List<LowLevelGraph> rtypeOnly() {
        return rtype(annotated);
    }

    @Benchmark
    public LowLevelProgram rtypeAndImage() {
        RTyper rtyper = rtyper(annotated);
        return rtyper.program(rtyper.graphs().getFirst());
    }
}
