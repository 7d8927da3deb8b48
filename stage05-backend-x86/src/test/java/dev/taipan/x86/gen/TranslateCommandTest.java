package dev.taipan.x86.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import dev.taipan.flowgraph.cli.PhasePrinter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taipan translate} through the command line: one line per phase, each phase once and in
 * the pipeline's order, each with its time; and off a terminal no progress bar, so that a log
 * holds the lines alone.
 */
class TranslateCommandTest {
    private static final List<String> PHASES = List.of("import", "flow", "annotate", "rtype", "passes",
            "gc transform", "codegen", "link", "write");
    /** A phase line as {@link PhasePrinter} prints it: the name, padded, the milliseconds, the detail. */
    private static final Pattern LINE = Pattern.compile("^([a-z][a-z ]*[a-z]) +(\\d+) ms(  .*)?$");

    @TempDir
    Path dir;

    @Test
    void eachPhaseIsOneTimedLineInPipelineOrder() {
        Path exe = dir.resolve("fib");
        var out = new StringWriter();
        var err = new StringWriter();
        int status = Main.run(new String[] {"translate", "../stage01-flowgraph/examples/fib.py", "-o", exe.toString(),
                "--gc=semispace"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as(err.toString()).isZero();
        assertThat(Files.isExecutable(exe)).isTrue();
        List<String> names = new ArrayList<>();
        for (String line : out.toString().lines().toList()) {
            Matcher m = LINE.matcher(line);
            assertThat(m.matches()).as("a phase line: '%s'", line).isTrue();
            names.add(m.group(1));
        }
        assertThat(names).containsExactlyElementsOf(PHASES);
        assertThat(out.toString()).contains("--gc=semispace", "--opt=2: inline, ", "exceptiontransform",
                " functions, ", exe + " (");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aProgressBarIsDrawnOnlyOnATerminal() {
        var out = new StringWriter();
        var bar = new StringWriter();
        var onTerminal = new PhasePrinter(new PrintWriter(out), new PrintWriter(bar), true);
        onTerminal.progress("codegen", 1, 2);
        onTerminal.progress("codegen", 2, 2);
        onTerminal.ended("codegen", 5_000_000, "2 functions");
        assertThat(bar.toString()).contains("\r[###############               ] 1/2  codegen",
                "\r[##############################] 2/2  codegen").endsWith("\r\u001b[K");
        assertThat(out.toString()).isEqualTo("codegen            5 ms  2 functions\n");

        var plain = new StringWriter();
        var offTerminal = new PhasePrinter(new PrintWriter(new StringWriter()), new PrintWriter(plain), false);
        offTerminal.progress("codegen", 2, 2);
        offTerminal.ended("codegen", 5_000_000, "");
        assertThat(plain.toString()).isEmpty();
    }
}
