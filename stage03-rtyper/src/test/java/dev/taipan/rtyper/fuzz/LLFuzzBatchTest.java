package dev.taipan.rtyper.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's fixed batch at {@code --stage=ll} (stage 01's {@code DifferentialBatchTest} runs
 * the host and flow stages): four generated programs through CPython and the rtyper, by the
 * {@code taipan fuzz} command itself, found through the same {@code ServiceLoader} as
 * {@code taipan exec}. Each must print at {@code ll} what CPython prints, or be refused by the
 * rtyper with a reason (a feature not translated yet); a different output or a crash fails the
 * build. Generated programs are long and use most of RPy, so each costs seconds at {@code ll}:
 * the batch is small, and longer runs are {@code ./taipan fuzz --stages ll --count N}.
 */
class LLFuzzBatchTest {
    @Test
    void fourGeneratedProgramsAgreeWithCPythonOrAreRefused() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"fuzz", "--stages", "ll", "--count", "4", "--seed", "1",
                "--python", "/usr/bin/python3", "--no-minimize"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("4 programs").containsPattern("ll: [1-4] agree");
    }
}
