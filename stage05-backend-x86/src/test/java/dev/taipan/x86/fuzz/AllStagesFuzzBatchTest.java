package dev.taipan.x86.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The fuzzer's fixed batch over every stage there is, the last one included: here, with stage
 * 05 on the class path, {@code taipan fuzz} finds the host, flow, ll, gc and x86 stages (stage
 * 01's {@code DifferentialBatchTest} and stage 03's {@code LLFuzzBatchTest} run the earlier
 * ones alone). Six generated programs through CPython and each stage, the executables run as
 * child processes: any different output, crash or hang fails the build, and most of the six
 * must get through the translating stages (a program a stage refuses to translate is no
 * failure, but a batch where most are refused would test little).
 */
class AllStagesFuzzBatchTest {
    @Test
    void sixGeneratedProgramsAgreeWithCPythonAtEveryStage() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"fuzz", "--count", "6", "--seed", "700100", "--jobs", "2",
                "--python", "/usr/bin/python3", "--no-minimize"}, new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("6 programs").contains("stages: flow, gc, host, ll, x86")
                .containsPattern("host: 6 agree").containsPattern("flow: 6 agree")
                .containsPattern("ll: [4-6] agree").containsPattern("gc: [4-6] agree").containsPattern("x86: [4-6] agree");
    }
}
