package dev.taipan.flowgraph.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The graph interpreter's two hooks, which stage 02's soundness check stands on: the observer
 * sees every value bound to every variable (input arguments and operation results), and the
 * linker decides, call site by call site, which graph a call runs, or that the host runs it.
 */
class GraphInterpreterHooksTest {
    @TempDir
    Path dir;

    private static final String PROGRAM = """
            def double(x):
                return x + x

            def triple(x):
                return x * 3

            def f(n):
                total = 0
                for i in range(n):
                    total += double(i)
                return total
            """;

    private record Binding(FunctionGraph graph, Variable variable, PyObject value) { }

    @Test
    void theObserverSeesEveryInputArgumentAndEveryResult() {
        Flowing fl = new Flowing(dir, PROGRAM);
        List<Binding> seen = new ArrayList<>();
        TranslationContext t = new TranslationContext(fl.host);
        PyObject r = fl.host.runInside(() -> new GraphInterpreter((site, fn) -> t.buildflowgraph(fn),
                (g, v, value) -> seen.add(new Binding(g, v, value))).call(fl.function("f"), new PyObject[] {PyInt.of(4)}, null));
        assertThat(r).isEqualTo(PyInt.of(12));
        FunctionGraph dbl = fl.host.runInside(() -> t.buildflowgraph(fl.function("double")));
        // double's parameter took 0, 1, 2, 3; its result was bound to the return block's argument
        assertThat(seen).filteredOn(b -> b.variable() == dbl.startblock.inputargs.getFirst())
                .extracting(Binding::value).containsExactly(PyInt.of(0), PyInt.of(1), PyInt.of(2), PyInt.of(3));
        assertThat(seen).filteredOn(b -> b.graph().name.equals("f") && b.value().equals(PyInt.of(12))).isNotEmpty();
        // only variables a block defines: not the exception variables that live on the loop's StopIteration link
        assertThat(seen).allSatisfy(b -> assertThat(b.graph().iterblocks())
                .anySatisfy(block -> assertThat(block.getVariables()).contains(b.variable())));
    }

    @Test
    void theLinkerChoosesTheGraphOfEachCallOrLetsTheHostRunIt() {
        Flowing fl = new Flowing(dir, PROGRAM);
        List<String> graphsRun = new ArrayList<>();
        // calls of double run triple's graph instead: 0 + 3 + 6 + 9
        PyObject swapped = fl.inside(t -> new GraphInterpreter(
                (site, fn) -> t.buildflowgraph(site != null && fn.name().equals("double") ? fl.function("triple") : fn),
                (g, v, value) -> graphsRun.add(g.name)).call(fl.function("f"), new PyObject[] {PyInt.of(4)}, null), true);
        assertThat(swapped).isEqualTo(PyInt.of(18));
        assertThat(graphsRun).contains("triple").doesNotContain("double");
        // null: the host interpreter runs double, and nothing inside it is observed
        graphsRun.clear();
        PyObject hosted = fl.inside(t -> new GraphInterpreter(
                (site, fn) -> fn.name().equals("double") ? null : t.buildflowgraph(fn),
                (g, v, value) -> graphsRun.add(g.name)).call(fl.function("f"), new PyObject[] {PyInt.of(4)}, null), true);
        assertThat(hosted).isEqualTo(PyInt.of(12));
        assertThat(graphsRun).containsOnly("f");
    }
}
