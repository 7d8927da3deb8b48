package dev.taipan.flowgraph.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command's small promises: a seed's program on demand, one clear line for a wrong stage or a missing oracle. */
class FuzzCommandTest {

    private record Result(int status, String out, String err) {
    }

    private static Result fuzz(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] command = new String[args.length + 1];
        command[0] = "fuzz";
        System.arraycopy(args, 0, command, 1, args.length);
        int status = Main.run(command, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    @Test
    void showPrintsTheProgramOfASeed() {
        Result r = fuzz("--show", "--seed", "3");
        assertThat(r.status()).isZero();
        assertThat(r.out()).isEqualTo(ProgramGenerator.generate(3).source());
    }

    @Test
    void anUnknownStageIsOneLine() {
        Result r = fuzz("--stages", "host,nope", "--count", "1");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err().strip()).isEqualTo("error: unknown stage 'nope' for fuzz; available stages: flow, host");
    }

    @Test
    void withoutCPythonTheHostStageIsTheReference() {
        Result r = fuzz("--python", "/nonexistent/python3", "--stages", "flow", "--count", "1");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("no CPython 3.11+ ('/nonexistent/python3')");
        Result withHost = fuzz("--python", "/nonexistent/python3", "--count", "1", "--seed", "5", "--no-minimize");
        assertThat(withHost.status()).as(withHost.out() + withHost.err()).isZero();
        assertThat(withHost.out()).contains("reference the host stage: CPython 3.11+ ('/nonexistent/python3') is not installed",
                "flow: 1 agree");
    }
}
