package dev.taipan.rtyper.bench;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.llinterp.Samples;
import dev.taipan.rtyper.llinterp.ToyProgram;
import dev.taipan.rtyper.memory.Heap;
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
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Calls per second of the llinterp, and of the stage 01 host interpreter on the same function:
 * {@code fib(25)}, which makes {@value #CALLS} calls, as a hand-built low-level graph
 * ({@link Samples#fib()}) and as Python source. A result is calls per second.
 *
 * <pre>./mvnw -Pbench -DskipTests verify -pl stage01-flowgraph,stage02-annotator,stage03-rtyper -Dtaipan.bench.skip.stage01=true -Dtaipan.bench.skip.stage02=true -Djmh.args=LLInterpreterBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class LLInterpreterBenchmark {

    static final long N = 25;
    /** The calls {@code fib(25)} makes, itself included: {@code 2 * fib(26) - 1}. */
    static final int CALLS = 242_785;

    private Heap heap;
    private LLInterpreter llinterp;
    private LowLevelGraph fib;
    private HostInterpreter host;
    private PyFunction hostFib;

    @Setup
    public void load() throws IOException {
        fib = Samples.fib();
        heap = Heap.fast();
        llinterp = new LLInterpreter(new ToyProgram().program(fib), heap, System.out);

        Path file = Files.createTempDirectory("llinterp-bench").resolve("fib.py");
        Files.writeString(file, """
                def fib(n):
                    if n < 2:
                        return n
                    return fib(n - 1) + fib(n - 2)
                """);
        var quiet = new PrintStream(OutputStream.nullOutputStream());
        host = new HostInterpreter(quiet, quiet, InputStream.nullInputStream());
        hostFib = (PyFunction) host.importFile(file).get("fib");
    }

    @TearDown
    public void close() {
        heap.close();
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object llinterp() {
        return llinterp.call(fib, N);
    }

    @Benchmark
    @OperationsPerInvocation(CALLS)
    public Object host() {
        return host.call(hostFib, List.of(PyInt.of(N)));
    }
}
