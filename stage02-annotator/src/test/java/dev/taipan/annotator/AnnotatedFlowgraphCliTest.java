package dev.taipan.annotator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.Main;
import dev.taipan.flowgraph.flow.Graphviz;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code taipan flowgraph --annotated} through the real CLI: stage 01's command finds stage 02's
 * {@link AnnotatedPictures} through ServiceLoader and draws the graphs the annotator reached,
 * every definition with its type, the blocks it never reached marked.
 */
class AnnotatedFlowgraphCliTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            from rpython.rlib.objectmodel import we_are_translated, specialize

            @specialize.argtype(0)
            def double(x):
                return x + x

            class Node(object):
                def __init__(self, key):
                    self.key = key
                    self.next = None

            def find(node, key):
                while node is not None:
                    if node.key == key:
                        return node
                    node = node.next
                return None

            def unused(x):
                return x

            def entry_point(argv):
                words = [double(argv[0]), "b"]
                counts = {}
                for w in words:
                    counts[w] = double(len(w))
                head = Node(1)
                head.next = Node(2)
                found = find(head, len(words))
                if we_are_translated():
                    print("translated")
                else:
                    print("on the host")
                if found is not None:
                    print(str(found.key))
                return 0
            """;

    record Result(int status, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(status, out.toString(), err.toString());
    }

    private Path program() throws IOException {
        return Files.writeString(dir.resolve("prog.py"), PROGRAM);
    }

    @Test
    void textShowsEveryDefinitionWithItsType() throws IOException {
        Result r = run("flowgraph", "--annotated", program().toString());
        assertThat(r.status()).isZero();
        assertThat(r.out())
                .contains("graph entry_point(argv_0: list[str]) -> int   [")
                .contains("    words_3: list[str] = newlist(v2, 'b')")
                .contains("    counts_4: dict[str, int] = newdict()")
                .contains("block2(words_12: list[str], counts_13: dict[str, int], w_14: str, v15: Iterator[str]):")
                .contains("    found_24: Node | None = simple_call((function find), head_20, v23)")
                // narrowing: past 'found is not None' the block receives a Node, not a Node | None
                .contains("block6(found_32: Node):")
                .containsPattern("graph find\\(node_0: [^,]+, key_1: int\\) -> Node \\| None   \\[")
                .contains("graph Node.__init__(self_0: Node, key_1: int) -> None   [");
        // the annotator's graphs, not the flow space's: specialised copies, nothing unreachable
        assertThat(r.out()).contains("graph double[str](x_0: str) -> str", "graph double[int](x_0: int) -> int")
                .doesNotContain("graph double(", "graph unused(");
    }

    @Test
    void blocksNeverReachedAreMarked() throws IOException {
        // we_are_translated() is True for the annotator: the host branch is never flowed
        Result r = run("flowgraph", "--annotated", "--function", "entry_point", program().toString());
        assertThat(r.out()).contains("""
                block4(found_27):                           # never reached
                    v28 = simple_call(<built-in function print>, 'on the host') # line 33
                """);
        assertThat(r.out().lines().filter(l -> l.contains("never reached"))).hasSize(1);
        Result dot = run("flowgraph", "--annotated", "--function", "entry_point", "--format", "dot", program().toString());
        assertThat(dot.out()).containsPattern("\"block4\" \\[label=\"block4\\(found_\\d+\\)   never reached\\\\l[^\"]*\", "
                + "style=filled, fillcolor=\"#eeeeee\"");
    }

    @Test
    void dotAndHtmlCarryTheAnnotations() throws IOException {
        Path p = program();
        Result dot = run("flowgraph", "--annotated", "--function", "double", "--format", "dot", p.toString());
        assertThat(dot.status()).isZero();
        assertThat(dot.out()).startsWith("digraph \"double[str]\" {")
                .contains("\"block0\" [label=\"block0(x_0: str)\\l\\lv1: str = add(x_0, x_0)\\l\", penwidth=2];")
                .contains("digraph \"double[int]\" {", "v1: int = add(x_0, x_0)")
                .contains("\"return\" [label=\"return(result_2: int)\", style=filled, fillcolor=\"green\"];");
        Path html = dir.resolve("prog.html");
        assertThat(run("flowgraph", "--annotated", "--format", "html", "-o", html.toString(), p.toString()).status()).isZero();
        assertThat(Files.readString(html)).contains("<a href=\"#g0\">entry_point</a>", ">double[int]</a>", ">double[str]</a>")
                .contains("counts_4: dict[str, int] = newdict()", "found_24: Node | None = simple_call(")
                .contains("# never reached");
    }

    @Test
    void svgDrawsAFunctionsSpecialisedCopiesInOnePicture() throws IOException {
        Result svg = run("flowgraph", "--annotated", "--function", "double", "--format", "svg", program().toString());
        if (Graphviz.available()) {
            assertThat(svg.status()).isZero();
            assertThat(svg.out()).contains("<svg", "double[int] &#45;&gt; int", "double[str] &#45;&gt; str",
                    "v1: int = add(x_0, x_0)");
        } else {
            assertThat(svg.status()).isEqualTo(1);
            assertThat(svg.err()).contains("apt-get install graphviz");
        }
    }

    @Test
    void aFunctionTheAnnotatorNeverReachesHasNoGraph() throws IOException {
        Result r = run("flowgraph", "--annotated", "--function", "unused", program().toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("error: the annotator never reaches 'unused' from entry_point: it has no annotated graph\n");
    }

    @Test
    void anAnnotationErrorIsTheOneAnnotatePrints() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.py"), """
                def helper(xs):
                    xs.append("three")

                def entry_point(argv):
                    lst = [1, 2]
                    helper(lst)
                    return 0
                """);
        Result annotated = run("flowgraph", "--annotated", bad.toString());
        Result annotate = run("annotate", bad.toString());
        assertThat(annotated.status()).isEqualTo(1);
        assertThat(annotated.out()).isEmpty();
        assertThat(annotated.err()).isEqualTo(annotate.err())
                .startsWith(bad + ":2: annotation error: list of int gets a str")
                .contains("    xs.append(\"three\")\n", "  in function helper\n", "  called from entry_point at line 6\n")
                .doesNotContain("\tat ", "Exception");
    }

    @Test
    void otherEntryPointsGetInts() throws IOException {
        Path p = Files.writeString(dir.resolve("half.py"), "def half(n):\n    return n // 2\n");
        Result r = run("flowgraph", "--annotated", "--entry", "half", p.toString());
        assertThat(r.out()).startsWith("graph half(n_0: int) -> int   [")
                .contains("    v1: int = floordiv(n_0, 2)");
    }
}
