package dev.taipan.flowgraph.bench;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.compiler.Compiler;
import dev.taipan.flowgraph.syntax.Lexer;
import dev.taipan.flowgraph.syntax.Parser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Front-end throughput in source lines per second, on one core: one operation is one line of
 * a {@value #LINES}-line generated module ({@link GeneratedProgram}), so JMH's score is
 * lines/s directly. The module is also written to {@code target/frontend-bench.py}, where the
 * bench profile's script times CPython's own {@code compile()} on the same text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class FrontEndBenchmark {

    static final int LINES = 100_000;

    private SourceFile source;

    @Setup
    public void generate() throws IOException {
        String text = GeneratedProgram.ofLines(LINES);
        source = SourceFile.of("frontend-bench.py", text);
        Path target = Path.of("target");
        if (Files.isDirectory(target)) {
            Files.writeString(target.resolve("frontend-bench.py"), text);
        }
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public Object lex() {
        return Lexer.tokenize(source);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public Object lexAndParse() {
        return Parser.parse(source);
    }

    @Benchmark
    @OperationsPerInvocation(LINES)
    public Object lexParseAndCompile() {
        return Compiler.compile(source);
    }
}
