package dev.taipan.flowgraph.bench;

import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * Flow-space throughput in bytecodes per second, on one core: one operation flows (and
 * simplifies) every function of a generated RPy module of {@value #COPIES} template copies
 * ({@link GeneratedRPyProgram}), imported once by the host interpreter. The secondary result
 * {@code bytecodes} counts the instructions of the functions flowed, so JMH reports it as
 * bytecodes/s directly.
 *
 * <pre>./mvnw -Pbench -DskipTests verify -pl stage01-flowgraph -Djmh.args=FlowSpaceBenchmark</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FlowSpaceBenchmark {

    static final int COPIES = 200;

    private HostInterpreter host;
    private List<PyFunction> functions;
    private long bytecodesPerModule;

    /** JMH's extra counter: instructions flowed. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Bytecodes {
        public long bytecodes;

        @Setup(Level.Iteration)
        public void reset() {
            bytecodes = 0;
        }
    }

    @Setup
    public void importModule() throws IOException {
        Path dir = Files.createTempDirectory("flow-bench");
        Path file = Files.writeString(dir.resolve("flow_bench.py"), GeneratedRPyProgram.withCopies(COPIES));
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        PyModule module = host.importFile(file);
        functions = new ArrayList<>();
        for (PyObject v : module.dict().asMap().values()) {
            if (v instanceof PyFunction f) {
                functions.add(f);
            } else if (v instanceof PyType t && !t.isBuiltin()) {
                for (PyObject m : t.dictView().values()) {
                    if (m instanceof PyFunction f) {
                        functions.add(f);
                    }
                }
            }
        }
        for (PyFunction f : functions) {
            bytecodesPerModule += f.code().length() / 4;
        }
    }

    @Benchmark
    public Object flowTheWholeModule(Bytecodes counter) {
        List<FunctionGraph> graphs = host.runInside(() -> {
            TranslationContext t = new TranslationContext(host);
            for (PyFunction f : functions) {
                t.buildflowgraph(f);
            }
            return t.graphs();
        });
        counter.bytecodes += bytecodesPerModule;
        return graphs;
    }
}
