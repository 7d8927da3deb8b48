package dev.taipan.flowgraph.corpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.syntax.PyRepr;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java reading of the expectations equals the CPython runner's ({@code run_cpython.py}'s
 * own {@code Expectation} class, imported and asked), for every corpus program and for a file
 * of awkward cases: a pass on the host means what a pass on CPython means.
 */
class ExpectationCPythonTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String DUMP = """
            import sys
            sys.path.insert(0, sys.argv[1])
            import run_cpython
            for path in sys.argv[2:]:
                e = run_cpython.Expectation(path)
                print("%r|%r|%d|%r|%r" % (e.stdout, e.args, e.exit, e.error, e.problems))
            """;

    @TempDir
    Path dir;

    @Test
    void javaReadsEveryProgramAsTheCPythonRunnerDoes() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "skipped: " + PYTHON + " is not installed");
        Corpus corpus = Corpus.locate();
        Path awkward = Files.writeString(dir.resolve("awkward.py"), """
                x = 1  # expect:  two spaces\s
                # expect:\s
                #   expect:x
                # args:
                # args:   a\tb  c\s
                # exit: -2\s
                \f
                y()  # error:   ValueError: x  \s
                z()  #error:Z
                # exit: 5
                s = "# expect: inside a string"
                """);
        List<Path> files = new ArrayList<>(corpus.programs().stream().map(CorpusProgram::path).toList());
        files.add(awkward);

        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", DUMP, corpus.root().toString()));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).isZero();

        List<String> cpython = output.lines().toList();
        assertThat(cpython).hasSameSizeAs(files);
        for (int i = 0; i < files.size(); i++) {
            Expectation e = Expectation.parse(Files.readString(files.get(i)));
            assertThat(render(e)).as(files.get(i).toString()).isEqualTo(cpython.get(i));
        }
    }

    /** The expectation in the shape the Python side prints it: {@code %r} of each field. */
    private static String render(Expectation e) {
        String error = e.error().map(x -> "(" + x.line() + ", " + PyRepr.str(x.message()) + ")").orElse("None");
        return list(e.stdout()) + "|" + list(e.args()) + "|" + e.exit() + "|" + error + "|" + list(e.problems());
    }

    private static String list(List<String> items) {
        return items.stream().map(PyRepr::str).collect(Collectors.joining(", ", "[", "]"));
    }
}
