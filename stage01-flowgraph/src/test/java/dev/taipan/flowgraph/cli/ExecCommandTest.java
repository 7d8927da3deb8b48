package dev.taipan.flowgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code taipan exec} as a user meets it: arguments, exit status, stages, errors. */
class ExecCommandTest extends CliTest {
    @Test
    void runsAModuleAsMainWithItsArguments() throws IOException {
        Path p = file("args.py", "import sys\nprint(sys.argv[1:])\n");
        Result r = run("exec", p.toString(), "one", "two words");
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("['one', 'two words']\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void optionsAfterTheFileBelongToTheProgram() throws IOException {
        Path p = file("args.py", "import sys\nprint(' '.join(sys.argv[1:]))\n");
        Result r = run("exec", "--stage=host", p.toString(), "--verbose", "--stage=jit", "-h", "--", "x");
        assertThat(r.out()).isEqualTo("--verbose --stage=jit -h -- x\n");
        assertThat(r.status()).isZero();
    }

    @Test
    void entryPointGetsTheFileAndArgumentsAndGivesTheExitStatus() throws IOException {
        Path p = file("target.py", """
                def entry_point(argv):
                    print(len(argv), argv[1])
                    return int(argv[1])

                if __name__ == '__main__':
                    print('the __main__ block must not run')
                """);
        Result r = run("exec", p.toString(), "7");
        assertThat(r.out()).isEqualTo("2 7\n");
        assertThat(r.status()).isEqualTo(7);
    }

    @Test
    void sysExitStatusIsTheCommandsStatus() throws IOException {
        Path p = file("quit.py", "import sys\nprint('bye')\nsys.exit(4)\n");
        Result r = run("exec", p.toString());
        assertThat(r.out()).isEqualTo("bye\n");
        assertThat(r.status()).isEqualTo(4);
    }

    @Test
    void uncaughtExceptionIsAPythonTracebackWithoutJavaFrames() throws IOException {
        Path p = file("boom.py", "def f(d):\n    return d['k']\n\nprint('before')\nf({})\n");
        Result r = run("exec", p.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEqualTo("before\n");
        assertThat(r.err())
                .startsWith("Traceback (most recent call last):\n")
                .contains("File \"" + p.toAbsolutePath(), "line 2, in f")
                .endsWith("KeyError: 'k'\n")
                .doesNotContain("\tat ", "dev.taipan");
    }

    @Test
    void nonAsciiOutputSurvivesTheWay() throws IOException {
        Path p = file("utf8.py", "print('h\u00e9llo \u2713 \ud83d\udc0d' * 2000)\n");
        String expected = "h\u00e9llo \u2713 \ud83d\udc0d".repeat(2000) + "\n";
        Result r = run("exec", p.toString());
        // Longer than the bridge's buffer, so some characters straddle two chunks.
        assertThat(r.out().length()).isEqualTo(expected.length());
        assertThat(r.out().equals(expected)).as("the output is the text printed").isTrue();
    }

    @Test
    void unknownStageIsOneMessageListingTheStages() throws IOException {
        Path p = file("x.py", "print(1)\n");
        Result r = run("exec", "--stage=warp", p.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: unknown stage 'warp' for exec; available stages: flow, host\n");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void helpListsTheStagesFoundThroughServiceLoader() {
        Result r = run("exec", "--help");
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("--stage=STAGE", "Where to run it: flow, host", "Stages:", "host   the host interpreter",
                "flow   flow graphs of entry_point");
    }

    @Test
    void missingFileOrDirectoryIsAUserError() {
        Result missing = run("exec", dir.resolve("nope.py").toString());
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("error: cannot run " + dir.resolve("nope.py") + ": no such file\n");
        Result directory = run("exec", dir.toString());
        assertThat(directory.err()).isEqualTo("error: cannot run " + dir + ": it is a directory\n");
    }

    @Test
    void noFileShowsUsage() {
        Result r = run("exec");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'FILE'", "Usage: taipan exec");
    }
}
