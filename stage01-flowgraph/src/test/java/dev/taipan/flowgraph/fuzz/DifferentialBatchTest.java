package dev.taipan.flowgraph.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * The fixed batch that {@code ./mvnw verify} runs: thirty generated programs through CPython
 * ({@code /usr/bin/python3}; without it the host stage is the reference, and the test says so)
 * and every stage of this module, through the {@code taipan fuzz} command itself. Each must
 * run on CPython and give its output and exit status at every stage. Longer runs: the README's
 * "Differential testing".
 */
class DifferentialBatchTest {
    static final String PYTHON = "/usr/bin/python3";

    @Test
    void thirtyProgramsAgreeEverywhere() {
        if (CPython.find(PYTHON).isEmpty()) {
            System.err.println("DifferentialBatchTest: no CPython 3.11+ at " + PYTHON + "; the host stage is the reference");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new String[] {"fuzz", "--count", "30", "--seed", "1", "--python", PYTHON, "--no-minimize"},
                new PrintWriter(out), new PrintWriter(err));
        assertThat(status).as(out + "\n" + err).isZero();
        assertThat(out.toString()).contains("30 programs", "flow: 30 agree");
    }
}
