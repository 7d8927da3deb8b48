package dev.taipan.flowgraph.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pictures of a graph: text pinned exactly, DOT by its parts, SVG and HTML when Graphviz is there. */
class FlowPicturesTest {
    @TempDir
    Path dir;

    private static final String FIB = """
            def fib(n):
                if n < 2:
                    return n
                return fib(n - 1) + fib(n - 2)


            def entry_point(argv):
                print(str(fib(10)))
                return 0
            """;

    @Test
    void textDumpNamesBlocksAndVariablesStably() {
        Flowing f = new Flowing(dir, FIB);
        FunctionGraph g = f.graph("fib");
        String expected = """
                graph fib(n_0)   [%s:1]
                block0(n_0):
                    v1 = lt(n_0, 2)                         # line 2
                    v2 = bool(v1)                           # line 2
                    exitswitch: v2
                    False -> block1(n_0)
                    True -> return(n_0)
                block1(n_3):
                    v4 = sub(n_3, 1)                        # line 4
                    v5 = simple_call((function fib), v4)    # line 4
                    v6 = sub(n_3, 2)                        # line 4
                    v7 = simple_call((function fib), v6)    # line 4
                    v8 = add(v5, v7)                        # line 4
                    -> return(v8)
                """.formatted(dir.resolve("prog.py"));
        String first = f.inside(t -> GraphText.render(g), true);
        String second = f.inside(t -> GraphText.render(g), true);
        assertThat(first).isEqualTo(expected);
        assertThat(second).as("the same text every time").isEqualTo(expected);
    }

    @Test
    void dotHasOneBoxPerBlockAndLabelledLinks() {
        Flowing f = new Flowing(dir, FIB);
        FunctionGraph g = f.graph("fib");
        String dot = f.inside(t -> GraphDot.render(g), true);
        assertThat(dot).startsWith("digraph \"fib\" {\n").endsWith("}\n")
                .contains("\"block0\" [label=\"block0(n_0)\\l\\lv1 = lt(n_0, 2)\\lv2 = bool(v1)\\l\\lexitswitch: v2\\l\", penwidth=2];")
                .contains("\"block0\" -> \"block1\" [label=\"False\\nn_0\"];")
                .contains("\"block0\" -> \"return\" [label=\"True\\nn_0\"];")
                .contains("\"block1\" -> \"return\" [label=\"v8\"];")
                .contains("\"return\" [label=\"return(result_9)\", style=filled, fillcolor=\"green\"];");
    }

    @Test
    void exceptionLinksAreRedInDot() {
        Flowing f = new Flowing(dir, """
                def f(d, k):
                    try:
                        return d[k]
                    except KeyError:
                        return 0
                """);
        String dot = f.inside(t -> GraphDot.render(f.graph("f")), true);
        assertThat(dot).containsPattern("-> \"block\\d+\" \\[label=\"BaseException\\\\n[^\"]*\", color=red, fontcolor=red\\]");
    }

    @Test
    void svgThroughGraphviz() {
        assumeTrue(Graphviz.available(), "Graphviz's dot is not installed: skipping the SVG picture (apt-get install graphviz)");
        Flowing f = new Flowing(dir, FIB);
        String svg = f.inside(t -> Graphviz.svg(GraphDot.render(f.graph("fib"))), true);
        assertThat(svg).contains("<svg").contains("block0(n_0)").contains("lt(n_0, 2)");
    }

    @Test
    void htmlPageLinksCallsToTheirGraphs() {
        Flowing f = new Flowing(dir, FIB);
        String html = f.inside(t -> GraphHtml.render("prog.py",
                Reachable.from(t, f.function("entry_point")), false), true);
        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<a href=\"#g0\">entry_point</a>", "<a href=\"#g1\">fib</a>", "<h2 id=\"g1\">fib</h2>")
                .contains("simple_call(<a href=\"#g1\">(function fib)</a>, 10)")
                .doesNotContain("<svg");
    }

    /**
     * A later stage's labels (stage 02's annotator supplies real ones): here every variable is
     * "T", the graph is called {@code fib[T]}, and block1 (the recursive case) was never reached.
     */
    private static GraphLabels fakeLabels(FunctionGraph g) {
        Block recursive = g.startblock.exits.getFirst().target;
        return new GraphLabels() {
            @Override
            public String title(FunctionGraph graph) {
                return graph.name + "[T]";
            }

            @Override
            public String annotation(Variable v) {
                return "T";
            }

            @Override
            public boolean reached(Block b) {
                return b != recursive;
            }
        };
    }

    @Test
    void labelsAnnotateDefinitionsAndMarkBlocksNeverReached() {
        Flowing f = new Flowing(dir, FIB);
        FunctionGraph g = f.graph("fib");
        String text = f.inside(t -> GraphText.render(g, fakeLabels(g)), true);
        assertThat(text).startsWith("graph fib[T](n_0: T) -> T   [")
                .contains("block0(n_0: T):\n    v1: T = lt(n_0, 2)                      # line 2\n")
                .contains("    False -> block1(n_0)\n")
                .contains("block1(n_3):                                # never reached\n"
                        + "    v4 = sub(n_3, 1)                        # line 4\n");
        String dot = f.inside(t -> GraphDot.render(g, fakeLabels(g)), true);
        assertThat(dot).startsWith("digraph \"fib[T]\" {\n")
                .contains("\"block0\" [label=\"block0(n_0: T)\\l\\lv1: T = lt(n_0, 2)\\lv2: T = bool(v1)")
                .contains("\"block1\" [label=\"block1(n_3)   never reached\\l")
                .contains("fillcolor=\"#eeeeee\"")
                .contains("\"block0\" -> \"block1\" [label=\"False\\nn_0\", style=dashed")
                .contains("\"return\" [label=\"return(result_9: T)\", style=filled, fillcolor=\"green\"];");
        String html = f.inside(t -> GraphHtml.render("prog.py", List.of(g), false, fakeLabels(g)), true);
        assertThat(html).contains("<a href=\"#g0\">fib[T]</a>", "v1: T = lt(n_0, 2)", "# never reached");
    }

    @Test
    void severalGraphsOfOneFunctionShareOnePicture() {
        Flowing f = new Flowing(dir, FIB);
        FunctionGraph a = f.graph("fib");
        FunctionGraph b = f.graph("fib");
        String dot = f.inside(t -> GraphDot.render(List.of(a, b), GraphLabels.PLAIN), true);
        assertThat(dot).startsWith("digraph \"fib\" {\nsubgraph \"cluster_0\" {\n")
                .contains("subgraph \"cluster_1\" {\n", "\"g0.block0\" -> \"g0.block1\"", "\"g1.block0\" -> \"g1.block1\"");
        if (Graphviz.available()) {
            String svg = f.inside(t -> Graphviz.svg(dot), true);
            assertThat(svg).contains("<svg").contains("cluster_1");
        }
    }

    @Test
    void reachableFollowsConstantFunctionsAndClassMethods() {
        Flowing f = new Flowing(dir, """
                class Counter:
                    def __init__(self):
                        self.n = 0
                    def bump(self):
                        self.n += 1
                def helper(c):
                    c.bump()
                def entry_point(argv):
                    c = Counter()
                    helper(c)
                    return c.n
                """);
        List<String> names = f.inside(t -> Reachable.from(t, f.function("entry_point")).stream()
                .map(g -> g.name).toList(), true);
        assertThat(names).containsExactly("entry_point", "Counter.__init__", "Counter.bump", "helper");
    }
}
