package dev.taipan.gc.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * {@code taipan fuzz --gc=NAME} with stage 04 on the class path: the gc stage runs the generated
 * programs under that collector, and a collector it does not know is one error before any
 * program, not a refusal of every one.
 */
class GcFuzzOptionTest {

    @Test
    void theGcStageRunsTheProgramsUnderTheCollectorNamed() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"fuzz", "--stages", "host,gc", "--gc", "minimark", "--count", "3",
                "--seed", "700200", "--jobs", "1", "--python", "/nonexistent/python3", "--no-minimize"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("stages: gc (--gc=minimark)").containsPattern("gc: [2-3] agree");
    }

    @Test
    void anUnknownCollectorIsOneErrorBeforeAnyProgram() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"fuzz", "--stages", "host,gc", "--gc", "copying", "--count", "3",
                "--python", "/nonexistent/python3"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(status).isEqualTo(1);
        assertThat(err.toString().strip())
                .isEqualTo("error: --gc=copying: no such collector; the collectors are none, marksweep, semispace, generational, minimark");
        assertThat(out.toString()).doesNotContain("programs");
    }
}
