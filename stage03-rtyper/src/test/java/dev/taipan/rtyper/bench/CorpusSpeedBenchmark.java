package dev.taipan.rtyper.bench;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyList;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.llinterp.Outcome;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole programs in the llinterp against the stage 01 host interpreter: the time of one run of
 * {@code entry_point(argv)}, in milliseconds, for the corpus programs that run at
 * {@code --stage=ll} and for four longer compute-bound ones of our own
 * ({@code src/test/resources/bench/}: {@code fib27}, the calls of {@code fib(27)};
 * {@code segmented_sieve}, a list reused as a segment and a linked list of instances;
 * {@code queens}, 4- to 9-queens by backtracking over lists; {@code mandelbrot}, floats). The figure
 * the issue asks for is the ratio {@code llinterp / host} per program.
 *
 * <p>Both sides start from prepared code, as a program does once it is loaded: the host has
 * imported the module (its bytecode compiled), the llinterp has the rtyped program and
 * compiles each graph on its first call, once per measurement iteration, which gets a fresh
 * (fast) heap. Each run goes through a fresh thread with a large stack on both sides, as
 * {@code taipan exec} does; for the short corpus programs that is a visible part of the time.
 * Before anything is timed, both sides run the program once and must print the same (the
 * llinterp over the checked heap), and what its {@code # expect:} lines say.
 *
 * <pre>./mvnw -Pbench -DskipTests verify -pl stage01-flowgraph,stage02-annotator,stage03-rtyper -Dtaipan.bench.skip.stage01=true -Dtaipan.bench.skip.stage02=true -Djmh.args=CorpusSpeedBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class CorpusSpeedBenchmark {

    /** A corpus program ({@code rpy/NAME.py}) or one of ours ({@code bench/NAME.py} in the test resources). */
    @Param({"lowlevel_numbers", "lowlevel_classes", "lowlevel_sequences", "fib27", "segmented_sieve", "queens", "mandelbrot"})
    public String program;

    /**
     * The graph passes first ({@code --opt}): by default {@code none}, the rtyper's graphs with
     * their exception links, as the guide's table against the host was measured.
     */
    @Param({"none"})
    public String opt;

    private final PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    private List<String> argv;
    private HostInterpreter host;
    private PyFunction hostEntry;
    private LowLevelProgram lowLevel;
    private Heap heap;
    private LLInterpreter llinterp;

    @Setup
    public void prepare() throws IOException {
        CorpusProgram p = CorpusProgram.read(Corpus.Folder.RPY, locate(program));
        argv = new ArrayList<>(List.of(p.path().toString()));
        argv.addAll(p.expectation().args());
        check(p);
        host = new HostInterpreter(quiet, quiet, InputStream.nullInputStream());
        hostEntry = (PyFunction) host.importFile(p.path()).get("entry_point");
        RTyper rtyper = RtypeCommand.rtyper(p.path(), null);
        lowLevel = Pipeline.of(OptLevel.parse(opt, LLStage.DEFAULT_OPT)).run(rtyper.program(rtyper.graphs().getFirst()));
    }

    /** One of ours, copied out of the class path into a file (the host imports files), or the corpus program of that name. */
    static Path locate(String name) throws IOException {
        try (InputStream in = CorpusSpeedBenchmark.class.getResourceAsStream("/bench/" + name + ".py")) {
            if (in == null) {
                return Corpus.locate().root().resolve("rpy").resolve(name + ".py");
            }
            Path file = Files.createTempDirectory("corpus-speed").resolve(name + ".py");
            Files.write(file, in.readAllBytes());
            return file;
        }
    }

    /** Both sides print what the program expects, or nothing is measured. */
    private void check(CorpusProgram p) {
        List<String> args = p.expectation().args();
        String onHost = captured((h, err) -> h.runProgram(p.path(), args));
        String lowLevel = captured((h, err) -> LLStage.run(h, p.path(), args, new ExecOptions(true), h.out(), err));
        String expected = p.expectation().stdoutText();
        if (!onHost.equals(lowLevel) || !onHost.equals(expected)) {
            throw new IllegalStateException(p.name() + " prints differently:\n-- expected\n" + expected + "-- host\n"
                    + onHost + "-- llinterp (checked heap)\n" + lowLevel);
        }
    }

    private static String captured(BiFunction<HostInterpreter, PrintStream, Integer> run) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream err = new PrintStream(OutputStream.nullOutputStream());
        int status = run.apply(new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8), err,
                InputStream.nullInputStream()), err);
        return out.toString(StandardCharsets.UTF_8) + (status == 0 ? "" : "exit status " + status + "\n");
    }

    @Setup(Level.Iteration)
    public void freshHeap() {
        heap = Heap.fast();
        llinterp = new LLInterpreter(lowLevel, heap, quiet);
    }

    @TearDown(Level.Iteration)
    public void freeHeap() {
        heap.close();
    }

    @Benchmark
    public PyObject host() {
        List<PyObject> strings = argv.stream().<PyObject>map(PyStr::of).toList();
        return host.call(hostEntry, List.of(new PyList(new ArrayList<>(strings))));
    }

    @Benchmark
    public Outcome llinterp() {
        return llinterp.runMain(argv);
    }
}
