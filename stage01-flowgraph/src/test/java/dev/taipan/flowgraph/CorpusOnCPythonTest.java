package dev.taipan.flowgraph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Checks the shared corpus against CPython, the oracle: every program's expectations
 * ({@code # expect:}, {@code # exit:}, {@code # error:}) must hold on the real Python before
 * any Taipan stage is measured against them. The checking itself lives in
 * {@code corpus/run_cpython.py}, so that it can also be run by hand without Maven.
 */
class CorpusOnCPythonTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final Path RUNNER = Path.of("corpus", "run_cpython.py");
    private static final Pattern SUMMARY =
            Pattern.compile("^ran (\\d+) programs .*: (\\d+) passed, (\\d+) failed", Pattern.MULTILINE);
    private static final int MINIMUM_PROGRAMS = 60;

    @Test
    void everyCorpusProgramBehavesAsExpectedOnCPython() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "skipped: " + PYTHON + " is not installed");
        String version = run(PYTHON.toString(), "-c",
                "import sys; print('%d %d' % sys.version_info[:2])").strip();
        String[] majorMinor = version.split(" ");
        assumeTrue(majorMinor.length == 2
                        && Integer.parseInt(majorMinor[0]) == 3 && Integer.parseInt(majorMinor[1]) >= 11,
                "skipped: " + PYTHON + " is Python " + version.replace(' ', '.') + ", the corpus needs 3.11+");

        Process process = new ProcessBuilder(PYTHON.toString(), RUNNER.toString())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        boolean finished = process.waitFor(10, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as("run_cpython.py finished in time").isTrue();

        Matcher summary = SUMMARY.matcher(output);
        assertThat(summary.find()).as("summary line in:%n%s", output).isTrue();
        assertThat(process.exitValue()).as("run_cpython.py failures:%n%s", output).isZero();
        assertThat(Integer.parseInt(summary.group(3))).as(output).isZero();
        assertThat(Integer.parseInt(summary.group(1))).as("programs in the corpus").isGreaterThanOrEqualTo(MINIMUM_PROGRAMS);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(1, TimeUnit.MINUTES);
        return output;
    }
}
