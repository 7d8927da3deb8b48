package dev.taipan.flowgraph.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.flow.Graphviz;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code taipan exec --stage=flow} and {@code taipan flowgraph} as a user meets them. */
class FlowCommandTest extends CliTest {
    private static final String PROGRAM = """
            def square(x):
                return x * x

            def entry_point(argv):
                print("%d" % square(len(argv)))
                return 3
            """;

    @Test
    void execAtTheFlowStageRunsEntryPointThroughGraphs() throws IOException {
        Path p = file("prog.py", PROGRAM);
        Result r = run("exec", "--stage=flow", p.toString(), "a", "b");
        assertThat(r.out()).isEqualTo("9\n");
        assertThat(r.status()).isEqualTo(3);
    }

    @Test
    void theFlowStageNeedsAnEntryPoint() throws IOException {
        Path p = file("script.py", "print('hello')\n");
        Result r = run("exec", "--stage=flow", p.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("the flow stage needs an RPy entry point").contains("--stage=host");
    }

    @Test
    void aFlowingErrorIsOneClearMessage() throws IOException {
        Path p = file("bad.py", """
                N = 0
                def entry_point(argv):
                    global N
                    N = len(argv)
                    return 0
                """);
        Result r = run("exec", "--stage=flow", p.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).startsWith(p + ":4: FlowingError: assignment to module global 'N' (in entry_point)\n    N = len(argv)\n")
                .doesNotContain("Exception", "\tat ");
    }

    @Test
    void callingAGeneratorFromTranslatedCodeIsAFlowingErrorNotAHostFallback() throws IOException {
        Path p = file("gen.py", """
                def gen(n):
                    for i in range(n):
                        yield i
                def entry_point(argv):
                    total = 0
                    for x in gen(3):
                        total += x
                    print(str(total))
                    return 0
                """);
        Result r = run("exec", "--stage=flow", p.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith(p + ":1: FlowingError: generator function gen() (it uses yield)");
    }

    @Test
    void flowgraphPrintsTheGraphsReachableFromTheEntryPoint() throws IOException {
        Path p = file("prog.py", PROGRAM);
        Result r = run("flowgraph", p.toString());
        assertThat(r.status()).isZero();
        assertThat(r.out()).contains("graph entry_point(argv_0)").contains("graph square(x_0)")
                .contains("simple_call((function square), v");
        Result one = run("flowgraph", p.toString(), "--function", "square", "--format", "dot");
        assertThat(one.out()).startsWith("digraph \"square\"").doesNotContain("entry_point");
        Result missing = run("flowgraph", p.toString(), "--function", "nope");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("has no function 'nope'");
    }

    @Test
    void flowgraphWritesHtmlAndSvgFiles() throws IOException {
        Path p = file("prog.py", PROGRAM);
        Path html = dir.resolve("out.html");
        assertThat(run("flowgraph", p.toString(), "--format", "html", "-o", html.toString()).status()).isZero();
        assertThat(Files.readString(html)).contains("<a href=\"#g1\">(function square)</a>");
        Result svg = run("flowgraph", p.toString(), "--function", "square", "--format", "svg");
        if (Graphviz.available()) {
            assertThat(svg.out()).contains("<svg");
        } else {
            assertThat(svg.status()).isEqualTo(1);
            assertThat(svg.err()).contains("apt-get install graphviz");
        }
    }

    @Test
    void annotatedNeedsTheAnnotatorOnTheClassPath() throws IOException {
        // stage 01's tests run without stage 02: the option is there, the service is not
        Path p = file("prog.py", PROGRAM);
        Result r = run("flowgraph", "--annotated", p.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("error: --annotated needs the annotator (stage 02), which is not on the class path: "
                + "run the taipan launcher, which uses the highest stage\n");
    }
}
