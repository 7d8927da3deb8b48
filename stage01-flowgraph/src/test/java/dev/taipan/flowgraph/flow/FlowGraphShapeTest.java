package dev.taipan.flowgraph.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.PyDict;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyList;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyType;
import java.nio.file.Path;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes of the graphs of small functions, after simplification, as one would draw them:
 * how many blocks, which operations, which exits, what crosses each link. Each graph also runs
 * through the graph interpreter and must agree with the host interpreter.
 */
class FlowGraphShapeTest {
    @TempDir
    Path dir;

    private static List<Block> blocks(FunctionGraph g) {
        return g.iterblocks().stream().filter(b -> b != g.returnblock && b != g.exceptblock).toList();
    }

    private static List<String> opnames(Block b) {
        return b.operations.stream().map(SpaceOperation::opname).toList();
    }

    private static PyInt i(long v) {
        return PyInt.of(v);
    }

    @Test
    void straightLineIsOneBlock() {
        Flowing f = new Flowing(dir, """
                def f(a, b):
                    c = a + b
                    return c * 2
                """);
        FunctionGraph g = f.graph("f");
        assertThat(blocks(g)).hasSize(1);
        Block b = g.startblock;
        assertThat(b.inputargs).extracting(Variable::localName).containsExactly("a", "b");
        assertThat(opnames(b)).containsExactly("add", "mul");
        assertThat(b.operations.get(0).result().localName()).isEqualTo("c");
        assertThat(b.operations).extracting(SpaceOperation::line).containsExactly(2, 3);
        assertThat(b.exitswitch).isNull();
        assertThat(b.exits).singleElement().satisfies(l -> {
            assertThat(l.target).isSameAs(g.returnblock);
            assertThat(l.args).containsExactly(b.operations.get(1).result());
        });
        assertThat(f.run("f", i(2), i(3))).isEqualTo(i(10));
    }

    /** getattr(x, 'name') with a name known now is x.name (what unrolled loops over field names use); getattr(x, n) stays a call. */
    @Test
    void getattrWithAConstantNameIsAnAttributeRead() {
        Flowing f = new Flowing(dir, """
                class P(object):
                    def __init__(self, x):
                        self.x = x


                def f(p):
                    return getattr(p, 'x') + 1


                def g(p, n):
                    return getattr(p, n)
                """);
        assertThat(opnames(f.graph("f").startblock)).containsExactly("getattr", "add");
        assertThat(opnames(f.graph("g").startblock)).containsExactly("simple_call");
    }

    @Test
    void ifElseMergesIntoOneBlockWithTheLocalAsArgument() {
        Flowing f = new Flowing(dir, """
                def f(x):
                    if x > 0:
                        y = x
                    else:
                        y = -x
                    return y + 1
                """);
        FunctionGraph g = f.graph("f");
        Block start = g.startblock;
        assertThat(opnames(start)).containsExactly("gt", "bool");
        assertThat(start.exitswitch).isSameAs(start.operations.get(1).result());
        assertThat(start.exits).extracting(l -> l.exitcase).containsExactly(
                dev.taipan.flowgraph.host.PyBool.FALSE, dev.taipan.flowgraph.host.PyBool.TRUE);
        Map<Block, List<Link>> entries = g.mkentrymap();
        Block merge = blocks(g).stream().filter(b -> opnames(b).equals(List.of("add"))).findFirst().orElseThrow();
        assertThat(entries.get(merge)).hasSize(2);
        assertThat(merge.inputargs).singleElement().extracting(Variable::localName).isEqualTo("y");
        assertThat(blocks(g)).hasSize(3);   // test, negate, merge
        assertThat(f.run("f", i(5))).isEqualTo(i(6));
        assertThat(f.run("f", i(-5))).isEqualTo(i(6));
    }

    @Test
    void whileLoopCarriesItsVariablesAroundTheBackEdge() {
        Flowing f = new Flowing(dir, """
                def f(n):
                    total = 0
                    i = 0
                    while i < n:
                        total += i
                        i += 1
                    return total
                """);
        FunctionGraph g = f.graph("f");
        Map<Block, List<Link>> entries = g.mkentrymap();
        Block header = blocks(g).stream().filter(b -> opnames(b).equals(List.of("lt", "bool"))).findFirst().orElseThrow();
        assertThat(entries.get(header)).hasSize(2);                 // the way in and the back edge
        assertThat(header.inputargs).extracting(Variable::localName).containsExactlyInAnyOrder("n", "total", "i");
        Link in = entries.get(header).stream().filter(l -> l.prevblock == g.startblock).findFirst().orElseThrow();
        assertThat(in.args).contains(Constant.of(i(0)));           // total = 0, i = 0: constants on the way in
        Block body = header.exits.get(1).target;
        assertThat(opnames(body)).containsExactly("inplace_add", "inplace_add");
        assertThat(body.exits.getFirst().target).isSameAs(header);
        assertThat(f.run("f", i(10))).isEqualTo(i(45));
        assertThat(f.run("f", i(0))).isEqualTo(i(0));
    }

    @Test
    void forOverRangeEndsWithStopIteration() {
        Flowing f = new Flowing(dir, """
                def f(n):
                    s = 0
                    for k in range(n):
                        s += k * k
                    return s
                """);
        FunctionGraph g = f.graph("f");
        assertThat(opnames(g.startblock)).containsExactly("simple_call", "iter");
        assertThat(g.startblock.operations.getFirst().args().getFirst()).isEqualTo(Constant.of(
                f.host.builtin("range")));
        Block next = blocks(g).stream().filter(b -> opnames(b).equals(List.of("next"))).findFirst().orElseThrow();
        assertThat(next.exitswitch).isEqualTo(Constant.LAST_EXCEPTION);
        assertThat(next.exits).hasSize(2);
        Link stop = next.exits.get(1);
        assertThat(((PyType) stop.exitcase).name()).isEqualTo("StopIteration");
        assertThat(stop.target).isSameAs(g.returnblock);
        assertThat(stop.lastException).isNotNull();
        assertThat(stop.lastExcValue).isNotNull().isNotSameAs(stop.lastException);
        assertThat(opnames(next.exits.getFirst().target)).containsExactly("mul", "inplace_add");
        assertThat(f.run("f", i(4))).isEqualTo(i(14));
    }

    @Test
    void tryExceptWithTwoHandlersLinksTheRaisingOperationToTheHandlers() {
        Flowing f = new Flowing(dir, """
                def f(d, k):
                    try:
                        v = d[k]
                    except KeyError:
                        v = -1
                    except IndexError:
                        v = -2
                    return v
                """);
        FunctionGraph g = f.graph("f");
        Block start = g.startblock;
        assertThat(opnames(start)).containsExactly("getitem");
        assertThat(start.canRaise()).isTrue();
        assertThat(start.exits).hasSize(2);
        Link normal = start.exits.get(0);
        Link exc = start.exits.get(1);
        assertThat(normal.exitcase).isNull();
        assertThat(normal.target).isSameAs(g.returnblock);
        assertThat(((PyType) exc.exitcase).name()).isEqualTo("BaseException");
        assertThat(exc.args).contains(exc.lastExcValue);
        List<String> matched = g.operations().stream().filter(op -> op.opname().equals("exception_match"))
                .map(op -> ((PyType) ((Constant) op.args().get(1)).value()).name()).toList();
        assertThat(matched).containsExactly("KeyError", "IndexError");
        PyDict d = new PyDict();
        d.put(i(1), i(2));
        assertThat(f.run("f", d, i(1))).isEqualTo(i(2));
        assertThat(f.run("f", new PyDict(), i(1))).isEqualTo(i(-1));
        assertThat(f.run("f", new PyList(), i(5))).isEqualTo(i(-2));
        assertThatThrownBy(() -> f.run("f", i(3), i(1))).isInstanceOf(PyException.class)
                .hasMessageContaining("TypeError");
    }

    @Test
    void aBranchOnAFalseConstantLeavesNoTrace() {
        Flowing f = new Flowing(dir, """
                DEBUG = False
                def f(x):
                    if DEBUG:
                        print("x is", x)
                    return x + 1
                """);
        FunctionGraph g = f.graph("f");
        assertThat(blocks(g)).hasSize(1);
        assertThat(opnames(g.startblock)).containsExactly("add");
        assertThat(g.startblock.exitswitch).isNull();
    }

    @Test
    void aLoopOverAnUnrollingIterableIsUnrolled() {
        Flowing f = new Flowing(dir, """
                from rpython.rlib.unroll import unrolling_iterable
                FACTORS = unrolling_iterable([2, 3, 5])
                def f(x):
                    t = 0
                    for k in FACTORS:
                        t += x * k
                    return t
                """);
        FunctionGraph g = f.graph("f");
        assertThat(g.opnames()).doesNotContain("iter", "next");
        assertThat(blocks(g)).hasSize(1);
        List<SpaceOperation> muls = g.operations().stream().filter(op -> op.opname().equals("mul")).toList();
        assertThat(muls).extracting(op -> op.args().get(1)).containsExactly(
                Constant.of(i(2)), Constant.of(i(3)), Constant.of(i(5)));
        assertThat(f.run("f", i(1))).isEqualTo(i(10));
    }

    @Test
    void globalsAndClassAttributesAndPureBuiltinsAreFolded() {
        Flowing f = new Flowing(dir, """
                SIZE = 4
                class Config:
                    scale = 10
                def f(x):
                    return x * (SIZE + Config.scale) + len("abc")
                """);
        FunctionGraph g = f.graph("f");
        assertThat(opnames(g.startblock)).containsExactly("mul", "add");
        assertThat(g.startblock.operations.get(0).args().get(1)).isEqualTo(Constant.of(i(14)));
        assertThat(g.startblock.operations.get(1).args().get(1)).isEqualTo(Constant.of(i(3)));
        assertThat(f.run("f", i(2))).isEqualTo(i(31));
    }

    @Test
    void rawGraphsPassCheckgraphAndEverySimplificationKeepsThemValid() {
        Flowing f = new Flowing(dir, """
                def f(xs, n):
                    out = []
                    for x in xs:
                        try:
                            if x > n and x % 2 == 0:
                                out.append(x // n)
                            elif x < 0:
                                continue
                        except ZeroDivisionError:
                            break
                        finally:
                            n += 1
                    return out
                """);
        FunctionGraph g = f.rawGraph("f");
        int before = blocks(g).size();
        EliminateEmptyBlocks.run(g);
        CheckGraph.checkgraph(g);
        JoinBlocks.run(g);
        CheckGraph.checkgraph(g);
        ConstantFoldExitswitch.run(g);
        CheckGraph.checkgraph(g);
        FoldSameAs.run(g);
        CheckGraph.checkgraph(g);
        RemoveDeadOperations.run(g);
        CheckGraph.checkgraph(g);
        RemoveUnusedArgs.run(g);
        CheckGraph.checkgraph(g);
        RemoveIdenticalVars.run(g);
        CheckGraph.checkgraph(g);
        Simplify.selected().simplifyGraph(g);
        CheckGraph.checkgraph(g);
        assertThat(blocks(g).size()).isLessThan(before);
        PyObject xs = new PyList(List.of(i(4), i(-1), i(8), i(3)));
        assertThat(f.run("f", xs, i(2))).isEqualTo(f.host("f", xs, i(2)));
        assertThat(f.run("f", xs, i(0))).isEqualTo(f.host("f", xs, i(0)));
    }

    @Test
    void tupleSwapLeavesNoTupleAndLoopArgumentsKeepTheirNames() {
        Flowing f = new Flowing(dir, """
                def fib(n):
                    a, b = 0, 1
                    for _ in range(n):
                        a, b = b, a + b
                    return a
                """);
        FunctionGraph g = f.graph("fib");
        assertThat(g.opnames()).containsExactly("simple_call", "iter", "next", "add");
        Block header = blocks(g).stream().filter(b -> opnames(b).equals(List.of("next"))).findFirst().orElseThrow();
        assertThat(header.inputargs).extracting(Variable::localName).contains("a", "b");
        assertThat(f.run("fib", i(30))).isEqualTo(i(832040));
    }

    @Test
    void checkgraphRejectsABrokenGraph() {
        Flowing f = new Flowing(dir, """
                def f(a):
                    return a + 1
                """);
        FunctionGraph g = f.graph("f");
        g.startblock.exits.getFirst().args.add(Constant.of(i(1)));
        assertThatThrownBy(() -> CheckGraph.checkgraph(g)).hasMessageContaining("passes 2 values to a block taking 1");
        FunctionGraph h = f.graph("f");
        Variable stranger = new Variable();
        h.startblock.operations.set(0, h.startblock.operations.getFirst().withArgs(List.of(stranger, Constant.of(i(1)))));
        assertThatThrownBy(() -> CheckGraph.checkgraph(h)).hasMessageContaining("used before its definition");
    }

    @Test
    void copygraphMakesTheSameShapeOutOfNewBlocksLinksAndVariables() {
        Flowing f = new Flowing(dir, """
                def f(xs, n):
                    total = 0
                    for x in xs:
                        try:
                            total += n // x
                        except ZeroDivisionError:
                            total -= 1
                    return total
                """);
        FunctionGraph g = f.graph("f");
        Map<Variable, Variable> vars = new IdentityHashMap<>();
        Map<Link, Link> links = new IdentityHashMap<>();
        FunctionGraph c = g.copygraph(vars, links);
        CheckGraph.checkgraph(c);
        List<Block> originals = g.iterblocks();
        List<Block> copies = c.iterblocks();
        assertThat(copies).hasSameSizeAs(originals).doesNotContainAnyElementsOf(originals);
        for (int k = 0; k < originals.size(); k++) {
            Block b = originals.get(k);
            Block d = copies.get(k);
            assertThat(opnames(d)).isEqualTo(opnames(b));
            assertThat(d.inputargs).isEqualTo(b.inputargs.stream().map(vars::get).toList()).doesNotContainAnyElementsOf(b.inputargs);
            assertThat(d.exits).isEqualTo(b.exits.stream().map(links::get).toList());
            for (Link l : b.exits) {
                Link m = links.get(l);
                assertThat(m.prevblock).isSameAs(d);
                assertThat(m.exitcase).isEqualTo(l.exitcase);
                assertThat(m.isException()).isEqualTo(l.isException());
                assertThat(copies.indexOf(m.target)).isEqualTo(originals.indexOf(l.target));
            }
        }
        assertThat(c.returnblock).isSameAs(copies.get(originals.indexOf(g.returnblock)));
        // the original is untouched: changing the copy changes nothing in it
        List<SpaceOperation> first = List.copyOf(g.startblock.operations);
        c.startblock.operations.clear();
        c.startblock.exits.getFirst().args.clear();
        assertThat(g.startblock.operations).isNotEmpty().isEqualTo(first);
        CheckGraph.checkgraph(g);
    }
}
