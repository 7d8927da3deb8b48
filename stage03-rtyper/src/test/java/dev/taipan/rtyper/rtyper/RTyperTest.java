package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Primitive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The rtyper's output is a well-formed low-level graph: every value typed, every operation low-level. */
class RTyperTest {
    @TempDir
    Path dir;

    static final String NUMBERS = """
            def gcd(a, b):
                while b != 0:
                    a, b = b, a % b
                return a


            def mean(a, b):
                return (a + b) / 2


            def pick(n):
                if n > 0:
                    x = 1
                else:
                    x = 2.5
                return x * 2


            def collatz(n, limit=1000):
                steps = 0
                while n != 1 and steps < limit:
                    if n % 2 == 0:
                        n = n // 2
                    else:
                        n = 3 * n + 1
                    steps += 1
                print("steps", steps, mean(n, steps), gcd(n, steps), pick(steps) * 1.0)
                return steps


            def entry_point(argv):
                return collatz(len(argv))
            """;

    private List<LowLevelGraph> rtype(String source, String function) throws IOException {
        return RtypeCommand.rtype(Files.writeString(dir.resolve("prog.py"), source), function);
    }

    private static LowLevelGraph graph(List<LowLevelGraph> graphs, String name) {
        return graphs.stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyGraphIsWellFormedTypedAndLowLevel() throws IOException {
        List<LowLevelGraph> graphs = rtype(NUMBERS, "collatz");
        // the program's graphs, then the helpers of its // and % (rint.py) and of the float it prints
        // (rdtoa.py: no libc prints a double), translated with it
        assertThat(graphs).extracting(LowLevelGraph::name).contains("collatz", "mean", "gcd", "pick",
                "ll_int_py_div[int, int]", "ll_int_py_mod[int, int]", "ll_int_py_mod_zer[int, int]", "ll_float_repr[float]");
        assertThat(graphs).extracting(LowLevelGraph::name).allMatch(n -> List.of("collatz", "mean", "gcd", "pick").contains(n)
                || n.contains("["));
        graphs.forEach(WellFormed::check);
        assertThat(graph(graphs, "mean").signature())
                .isEqualTo(new FuncType(List.of(Primitive.SIGNED, Primitive.SIGNED), Primitive.FLOAT));
        assertThat(graph(graphs, "collatz").signature().args()).hasSize(2);
    }

    @Test
    void printOfNumbersAndConstantTextIsOneDebugPrint() throws IOException {
        LowLevelGraph collatz = graph(rtype(NUMBERS, "collatz"), "collatz");
        List<SpaceOperation> prints = collatz.graph().iterblocks().stream().flatMap(b -> b.operations.stream())
                .filter(op -> op.op() == LLOp.DEBUG_PRINT).toList();
        assertThat(prints).hasSize(1);
        assertThat(prints.getFirst().args()).hasSize(2 + 5);
        assertThat(prints.getFirst().args().get(2)).isEqualTo(LLConstant.voidOf("steps"));
    }

    @Test
    void anIntFlowingIntoAFloatVariableIsConvertedOnItsOwnLink() throws IOException {
        LowLevelGraph pick = graph(rtype(NUMBERS, "pick"), "pick");
        // x is an int on one branch, a float at the join: the int branch's constant 1 becomes 1.0
        List<Object> passed = pick.graph().iterlinks().stream().flatMap(l -> l.args.stream())
                .filter(a -> a instanceof Constant).map(a -> ((LLConstant) ((Constant) a).value()).value()).toList();
        assertThat(passed).contains(1.0, 2.5);
        for (Variable v : pick.graph().startblock.inputargs) {
            assertThat(pick.typeOf(v)).isEqualTo(Primitive.SIGNED);
        }
    }

    @Test
    void aVariableIntConvertedToFloatOnALinkGetsABlockOfItsOwn() throws IOException {
        LowLevelGraph g = graph(rtype("""
                def widen(n):
                    if n > 0:
                        x = n
                    else:
                        x = 0.5
                    return x
                """, "widen"), "widen");
        CheckGraph.checkgraph(g.graph());
        long conversionBlocks = g.graph().iterblocks().stream()
                .filter(b -> b.operations.size() == 1 && b.operations.getFirst().op() == LLOp.CAST_INT_TO_FLOAT)
                .count();
        assertThat(conversionBlocks).isEqualTo(1);
        assertThat(g.signature().result()).isEqualTo(Primitive.FLOAT);
    }

    @Test
    void whatThisPartCannotRepresentIsRefusedWithTheFunctionAndItsLine() {
        RTyperError e = catchThrowableOfType(RTyperError.class, () -> rtype("""
                def pairs(d):
                    n = 0
                    for i, k in enumerate(d):
                        n += i * k
                    return n

                def entry_point(argv):
                    return pairs({1: 2, 3: 4})
                """, null));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("enumerate()", "of a dict", "d.items()", "pairs");
        assertThat(e.line).isEqualTo(3);
        assertThat(e.render()).contains("prog.py:3: rtyper error:", "for i, k in enumerate(d):");
    }
}
