package dev.taipan.notebooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FlowingError;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Graphviz;
import dev.taipan.flowgraph.host.PyFunction;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The notebook helpers, and how their values look in Jupyter. */
class TaipanFacadeTest {

    @Test
    void runShowsOutputAndFailsTheCellWhenTheProgramFails() {
        Run ok = Taipan.run("""
                def entry_point(argv):
                    print("args", argv[1:])
                    return 0
                """, "a");
        assertThat(ok.text()).isEqualTo("args ['a']\n");
        assertThatThrownBy(() -> Taipan.run("print(1)\nprint(1 // 0)"))
                .isInstanceOf(ProgramFailed.class)
                .hasMessage("ZeroDivisionError: integer division or modulo by zero")
                .satisfies(e -> assertThat(((TaipanError) e).render())
                        .startsWith("1\n").contains("Traceback (most recent call last):").endsWith("[exit status 1]"));
    }

    @Test
    void memoryDrawsTheObjectAFunctionReturnsAsBoxesAndArrows() {
        Rich drawn = Taipan.memory("""
                class Pair(object):
                    def __init__(self, a, b):
                        self.a = a
                        self.b = b
                    def size(self):
                        return 2
                class Triple(Pair):
                    def size(self):
                        return 3
                def make(n):
                    p = Triple(n, "x" * n) if n > 0 else Pair(n, "")
                    print(p.size())
                    return p
                """, "make", 3);
        String dot = switch (drawn) {
            case Rich.Svg svg -> svg.text();
            case Rich.Text text -> text.text();
            default -> throw new AssertionError(drawn);
        };
        // drawn as the class its typeptr names, not as the Pair the function is typed to return
        assertThat(dot).contains("<b>Triple</b>").contains("<b>vtable_Triple</b>").contains(">Triple.size()<")
                .contains("<b>rpy_string</b>")
                .contains(">a</td><td align=\"left\">3<")
                .contains(">chars[2]</td><td align=\"left\">'x'<");
        assertThatThrownBy(() -> Taipan.memory("def f(n):\n    return n + 1\n", "f", 1))
                .isInstanceOf(TaipanError.class).hasMessageContaining("not an object in memory");
    }

    @Test
    void failsWantsAFailure() {
        Run failed = Taipan.fails("raise ValueError('no')");
        assertThat(failed.status()).isEqualTo(1);
        assertThat(failed.stderr()).endsWith("ValueError: no\n");
        assertThatThrownBy(() -> Taipan.fails("print('fine')")).isInstanceOf(ProgramFailed.class);
    }

    @Test
    void loadReturnsTheLiveModuleAndReportsImportErrorsAsTracebacks() {
        var m = Taipan.load("""
                def f(x):
                    return x + 1
                TABLE = {n: n * n for n in range(3)}
                """);
        assertThat(m.get("f")).isInstanceOf(PyFunction.class);
        assertThat(m.get("TABLE")).hasToString("{0: 0, 1: 1, 2: 4}");
        assertThatThrownBy(() -> Taipan.load("import no_such_module"))
                .isInstanceOf(ProgramFailed.class)
                .hasMessageContaining("ModuleNotFoundError");
    }

    @Test
    void frontEndViews() {
        var code = Taipan.compile("""
                    def f(x):
                        return [y for y in x]
                """);
        assertThat(Taipan.codeObjects(code)).extracting(c -> c.name()).containsExactly("<module>", "f");
        assertThat(Taipan.dis(Taipan.codeOf(code, "f")).text()).contains("LIST_APPEND");
        assertThat(Taipan.ast("x = 1").text()).isEqualTo("Assign(targets=[Name(id='x')], value=Constant(value=1))");
        assertThat(Taipan.compileError("def f(:\n  pass").text()).startsWith("<cell>:1:").contains("^");
        assertThatThrownBy(() -> Taipan.compileError("x = 1")).isInstanceOf(TaipanError.class);
        assertThatThrownBy(() -> Taipan.codeOf(code, "g")).hasMessageContaining("no code object named 'g'");
    }

    @Test
    void richValuesBecomeJupyterDisplayData() {
        var table = Taipan.table(List.of("a", "b"), List.of(List.of(1, "<x>")));
        var data = TaipanKernel.render(table);
        assertThat((String) data.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_HTML))
                .contains("<th>a</th>").contains("&lt;x&gt;");
        assertThat(table.text()).isEqualTo("a  b\n-  ---\n1  <x>");
        var svg = TaipanKernel.render(new Rich.Svg("<svg/>", "a picture"));
        assertThat(svg.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_SVG)).isEqualTo("<svg/>");
        var png = TaipanKernel.render(new Rich.Png(new byte[] {1, 2, 3}, "an image"));
        assertThat(png.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.IMAGE_PNG)).isEqualTo("AQID");
        var plain = TaipanKernel.render(List.of(1, 2));
        assertThat(plain.getData(org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN)).isEqualTo("[1, 2]");
    }

    private static final String LOOP = """
            DEBUG = False

            def total(n):
                if DEBUG:
                    print("total", n)
                s = 0
                i = 0
                while i < n:
                    s = s + i
                    i = i + 1
                return s

            class Box:
                def get(self):
                    return 42

            def entry_point(argv):
                print(total(int(argv[1])), Box().get())
                return 0
            """;

    @Test
    void flowgraphFlowsAFunctionOfTheImportedModuleAndSimplifiesIt() {
        FunctionGraph g = Taipan.flowgraph(LOOP, "total");
        assertThat(g.name).isEqualTo("total");
        assertThat(g.opnames()).contains("lt", "add").doesNotContain("simple_call");   // DEBUG folded away
        // the loop head receives the loop-carried variables (n, s, i) as block arguments
        assertThat(g.iterblocks()).extracting((Block b) -> b.inputargs.size()).contains(3);
        FunctionGraph raw = Taipan.rawFlowgraph(LOOP, "total");
        assertThat(raw.iterblocks().size()).isGreaterThan(g.iterblocks().size());
        assertThat(Taipan.flowgraph(LOOP, "Box.get").opnames()).isEmpty();
        assertThatThrownBy(() -> Taipan.flowgraph(LOOP, "nope")).hasMessageContaining("no function 'nope'");
        assertThatThrownBy(() -> Taipan.flowgraph(LOOP, "DEBUG")).hasMessageContaining("(it is a bool)");
    }

    @Test
    void flowingErrorsAreShownOnPurposeOrFailTheCell() {
        String gen = """
                COUNT = 0
                def g(n):
                    global COUNT
                    COUNT = n
                """;
        assertThat(Taipan.flowingError(gen, "g").text())
                .startsWith("prog.py:4: FlowingError:").contains("COUNT = n");
        assertThatThrownBy(() -> Taipan.flowgraph(gen, "g")).isInstanceOf(FlowingError.class);
        assertThatThrownBy(() -> Taipan.flowingError(LOOP, "total")).hasMessageContaining("flowed without error");
        assertThatThrownBy(() -> Taipan.flowgraph("import no_such_module", "f"))
                .isInstanceOf(ProgramFailed.class).hasMessageContaining("ModuleNotFoundError");
    }

    @Test
    void annotateShowsSignaturesAndRejectionsOnPurpose() {
        String fib = """
                def fib(n):
                    a, b = 0, 1
                    for _ in range(n):
                        a, b = b, a + b
                    return a
                def entry_point(argv):
                    print(str(fib(len(argv))))
                    return 0
                """;
        assertThat(Taipan.annotate(fib).text()).contains("def fib(n: int) -> int", "def entry_point(argv: list[str]) -> int");
        String mixed = """
                def f(x):
                    if x:
                        return 1
                    return "one"
                def entry_point(argv):
                    f(len(argv))
                    return 0
                """;
        assertThat(Taipan.annotationError(mixed).text()).startsWith("prog.py:").contains("annotation error");
        assertThatThrownBy(() -> Taipan.annotate(mixed)).isInstanceOf(TaipanError.class);
        assertThatThrownBy(() -> Taipan.annotationError(fib)).hasMessageContaining("annotated without error");
    }

    @Test
    void annotatedFlowgraphShowsTypesAndEachSpecialisedCopy() {
        String program = """
                from rpython.rlib.objectmodel import specialize, we_are_translated
                @specialize.argtype(0)
                def double(x):
                    return x + x
                def entry_point(argv):
                    if not we_are_translated():
                        print("host")
                    print(double(argv[0]) + str(double(len(argv))))
                    return 0
                """;
        Rich copies = Taipan.annotatedFlowgraph(program, "double");
        String plain = copies.mimeBundle().get("text/plain");
        assertThat(plain).contains("graph double[str](x_0: str) -> str   [prog.py:2]", "v1: str = add(x_0, x_0)",
                "graph double[int](x_0: int) -> int   [prog.py:2]", "v1: int = add(x_0, x_0)");
        if (Graphviz.available()) {
            assertThat(copies).isInstanceOf(Rich.Svg.class);
            assertThat(((Rich.Svg) copies).svg()).contains("<svg", "double[str] &#45;&gt; str", "double[int] &#45;&gt; int");
            assertThat(plain).startsWith("[annotated flow graph of double, drawn as SVG by Graphviz's dot; as text:]");
        } else {
            assertThat(plain).contains("[drawn as text: Graphviz's dot is not on the PATH");
        }
        assertThat(Taipan.annotatedFlowgraph(program, "entry_point").mimeBundle().get("text/plain"))
                .contains("graph entry_point(argv_0: list[str]) -> int", "# never reached");
        assertThatThrownBy(() -> Taipan.annotatedFlowgraph(program.replace("str(double(len(argv)))", "double(len(argv))"),
                "double")).isInstanceOf(TaipanError.class).hasMessageContaining("a str and an int");
    }

    @Test
    void pictureIsSvgWhereGraphvizIsInstalledAndTextOtherwise() {
        FunctionGraph g = Taipan.flowgraph(LOOP, "total");
        Rich p = Taipan.picture(g);
        String plain = p.mimeBundle().get("text/plain");
        assertThat(plain).contains("graph total(").contains("exitswitch:");
        if (Graphviz.available()) {
            assertThat(p).isInstanceOf(Rich.Svg.class);
            assertThat(((Rich.Svg) p).svg()).contains("<svg");
            assertThat(plain).startsWith("[flow graph of total, drawn as SVG by Graphviz's dot");
        } else {
            assertThat(p).isInstanceOf(Rich.Text.class);
            assertThat(plain).contains("[drawn as text: Graphviz's dot is not on the PATH");
        }
        assertThat(Taipan.text(g).text()).startsWith("graph total(").contains("[prog.py:3]").doesNotContain("drawn");
    }

    @Test
    void runFlowRunsTheEntryPointThroughGraphsLikeTheHostStage() {
        Run flow = Taipan.runFlow(LOOP, "10");
        assertThat(flow.text()).isEqualTo("45 42\n").isEqualTo(Taipan.run(LOOP, "10").text());
        assertThatThrownBy(() -> Taipan.runFlow(LOOP, "x"))
                .isInstanceOf(ProgramFailed.class).hasMessageContaining("ValueError");
        assertThatThrownBy(() -> Taipan.runFlow("print(1)"))
                .isInstanceOf(ProgramFailed.class).hasMessageContaining("needs an RPy entry point");
    }

    @Test
    void collectionsShowTheOutputAndTheCollectorsLog() {
        String shown = Taipan.collections("""
                class Node(object):
                    def __init__(self, next):
                        self.next = next

                def entry_point(argv):
                    head = None
                    for i in range(30):
                        head = Node(head)
                    print("built")
                    return 0
                """, "semispace", true).text();
        assertThat(shown).startsWith("built\n---- TAIPANLOG=gc ----\ngc-collect semispace #1: ")
                .contains("... (").containsPattern("gc-summary: \\d+ collections \\(semispace \\d+\\)");
    }

    @Test
    void aSmallerNurseryShowsMinorCollectionsTheDefaultOneDoesNotNeed() {
        String program = """
                class Node(object):
                    def __init__(self, next):
                        self.next = next

                def entry_point(argv):
                    for r in range(20):
                        head = None
                        for i in range(100):
                            head = Node(head)
                    print("built")
                    return 0
                """;
        assertThat(Taipan.collections(program, "generational", false).text()).doesNotContain("gc-collect minor");
        assertThat(Taipan.collectionsWithNursery(program, "generational", "4k").text())
                .startsWith("built\n---- TAIPANLOG=gc ----\ngc-collect minor #1: ");
    }

    @Test
    void rootsShowThePushesAroundACallThatCanCollect() {
        String graph = Taipan.roots("""
                class Node(object):
                    pass

                def make():
                    return Node()

                def f(n):
                    a = Node()
                    b = make()
                    return a is b
                """, "f").text();
        assertThat(graph).contains("gc_push_roots(").contains("gc_pop_roots(1)").contains("gc_restore_root(0)");
    }
}
