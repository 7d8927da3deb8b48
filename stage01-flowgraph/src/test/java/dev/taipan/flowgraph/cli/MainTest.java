package dev.taipan.flowgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The command line as a user meets it: commands found through ServiceLoader, clean errors. */
class MainTest extends CliTest {
    @Test
    void helpListsTheStageCommandsFoundThroughServiceLoader() {
        Result r = run("--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("dis", "ast", "--debug");
    }

    @Test
    void disPrintsEveryCodeObject() throws IOException {
        Path p = file("prog.py", "def double(x):\n    return x * 2\nprint(double(21))\n");
        Result r = run("dis", p.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out())
                .contains("MAKE_FUNCTION", "STORE_NAME               0 (double)")
                .contains("Disassembly of <code object double at " + p + ":1>")
                .contains("BINARY_OP                2 (*)", "RETURN_VALUE");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void astPrintsOneStatementPerLine() throws IOException {
        Path p = file("prog.py", "x = 1\ndel x\n");
        Result r = run("ast", p.toString());
        assertThat(r.out().lines()).containsExactly(
                "Assign(targets=[Name(id='x')], value=Constant(value=1))",
                "Delete(targets=[Name(id='x')])");
    }

    @Test
    void syntaxErrorIsOneMessageWithSourceLineAndNoStackTrace() throws IOException {
        Path p = file("bad.py", "def f(x)\n    return x\n");
        Result r = run("dis", p.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo(p + ":1:9: SyntaxError: expected ':'\n    def f(x)\n            ^\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void debugAddsTheJavaStackTrace() throws IOException {
        Path p = file("bad.py", "x = (\n");
        Result r = run("--debug", "dis", p.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("'(' was never closed", "\tat dev.taipan.flowgraph.");
    }

    @Test
    void missingFileIsAUserError() {
        Result r = run("dis", dir.resolve("nope.py").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: cannot read " + dir.resolve("nope.py") + ": no such file\n");
    }

    @Test
    void unknownCommandAndNoCommandShowUsage() {
        Result unknown = run("frobnicate");
        assertThat(unknown.status()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unmatched argument", "frobnicate");
        Result none = run();
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).contains("Usage: taipan");
    }
}
