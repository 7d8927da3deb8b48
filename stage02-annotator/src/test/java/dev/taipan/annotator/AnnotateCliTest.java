package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code taipan annotate} through the real CLI: found by ServiceLoader, exit codes, no stack traces. */
class AnnotateCliTest {
    @TempDir
    Path dir;

    private int run(StringWriter out, StringWriter err, String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    @Test
    void annotatesAndExitsZero() throws Exception {
        Path f = Files.writeString(dir.resolve("ok.py"), "def sq(n):\n    return n * n\n\n"
                + "def entry_point(argv):\n    print(sq(len(argv)))\n    return 0\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "annotate", f.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("def sq(n: int) -> int");
    }

    @Test
    void rejectionExitsOneWithTheLine() throws Exception {
        Path f = Files.writeString(dir.resolve("bad.py"), "def entry_point(argv):\n    x = [1]\n"
                + "    x.append('a')\n    return 0\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "annotate", f.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bad.py:3: annotation error: list of int gets a str")
                .contains("x.append('a')").doesNotContain("at dev.taipan");
    }

    @Test
    void otherEntryPoint() throws Exception {
        Path f = Files.writeString(dir.resolve("e.py"), "def half(n):\n    return n // 2\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(run(out, err, "annotate", "--entry", "half", f.toString())).isEqualTo(0);
        assertThat(out.toString()).contains("def half(n: int) -> int");
    }
}
