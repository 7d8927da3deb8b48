package dev.taipan.gc.gctransform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** The shadow-stack roots: where they are pushed and reloaded, and the invariant on the whole corpus. */
class ShadowStackRootsTest {

    private static final String NODES = """
            class Node(object):
                def __init__(self, value):
                    self.value = value

            def make(n):
                return Node(n)

            def square(n):
                return n * n

            def f(n):
                a = Node(n)
                b = Node(n + 1)
                k = square(n)             # allocates nothing: no roots around it
                c = make(k)               # may collect: a and b are live after it, c is new
                return a.value + b.value + c.value
            """;

    @Test
    void pointersLiveAcrossACallThatCanCollectArePushedAndReloaded(@TempDir Path dir) throws IOException {
        LowLevelProgram program = transformed(dir, NODES, "f");
        LowLevelGraph f = graph(program, "f");
        List<SpaceOperation> ops = operations(f);
        List<String> names = ops.stream().map(SpaceOperation::opname).toList();

        int callMake = indexOfCall(ops, "make");
        assertThat(names.get(callMake - 1)).isEqualTo("gc_push_roots");
        assertThat(ops.get(callMake - 1).args()).hasSize(2);   // a and b; not n, an int
        assertThat(names.subList(callMake + 1, callMake + 4))
                .containsExactly("gc_pop_roots", "gc_restore_root", "gc_restore_root");
        assertThat(ops.stream().filter(op -> isCall(op, "square"))).hasSize(1);
        int callSquare = indexOfCall(ops, "square");
        assertThat(names.get(callSquare - 1)).isNotEqualTo("gc_push_roots");

        // the rest of the block (here: its exits, the exception transform's test follows the
        // call) passes on the reloaded pointers, never the pushed ones
        Block block = blockOf(f, ops.get(callMake));
        Set<Variable> pushed = ops.get(callMake - 1).args().stream().map(Variable.class::cast).collect(Collectors.toSet());
        Set<Variable> reloaded = ops.subList(callMake + 2, callMake + 4).stream().map(SpaceOperation::result)
                .collect(Collectors.toSet());
        List<Object> passedOn = block.exits.stream().flatMap(l -> l.args.stream()).collect(Collectors.toList());
        assertThat(passedOn).containsAll(reloaded).doesNotContainAnyElementsOf(pushed);
        RootsCheck.check(f, new CollectAnalysis(program.graphs()));
    }

    @Test
    void theCheckCatchesAPointerUsedAfterACollection(@TempDir Path dir) throws IOException {
        RTyper rtyper = RtypeCommand.rtyper(Files.writeString(dir.resolve("prog.py"), NODES), "f");
        LowLevelProgram program = Pipeline.of(OptLevel.O0).run(rtyper.program(entry(rtyper, "f")));
        // without the pass, a and b are read after make() straight from their old variables
        assertThatThrownBy(() -> RootsCheck.check(graph(program, "f"), new CollectAnalysis(program.graphs())))
                .hasMessageContaining("f: ").hasMessageContaining("without being reloaded from the shadow stack");
    }

    @Test
    void collectAnalysisFollowsCallsToAnyDepth(@TempDir Path dir) throws IOException {
        LowLevelProgram program = transformed(dir, """
                class Box(object):
                    pass

                def leaf():
                    return Box()

                def middle():
                    return leaf()

                def pure(n):
                    return n + 1

                def f(n):
                    middle()
                    return pure(n)
                """, "f");
        CollectAnalysis collects = new CollectAnalysis(program.graphs());
        assertThat(collects.canCollect(graph(program, "middle"))).isTrue();
        assertThat(collects.canCollect(graph(program, "f"))).isTrue();
        assertThat(collects.canCollect(graph(program, "pure"))).isFalse();
    }

    /** Every corpus program the rtyper translates: after the pass every graph is well formed and keeps the invariant. */
    @TestFactory
    Stream<DynamicTest> theWholeCorpusKeepsTheInvariant() {
        return Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .filter(p -> LL_CORPUS.contains(p.path().getFileName().toString()))
                .map(p -> dynamicTest(p.name(), () -> checkCorpusProgram(p)));
    }

    private static void checkCorpusProgram(CorpusProgram p) {
        RTyper rtyper = RtypeCommand.rtyper(p.path(), null);
        LowLevelProgram program = new ShadowStackRoots().apply(
                Pipeline.of(OptLevel.O2).run(rtyper.program(rtyper.graphs().getFirst())));
        CollectAnalysis collects = new CollectAnalysis(program.graphs());
        for (LowLevelGraph g : program.graphs()) {
            CheckGraph.checkgraph(g.graph());
            RootsCheck.check(g, collects);
        }
    }

    private static final Set<String> LL_CORPUS = llCorpus();

    private static Set<String> llCorpus() {
        try {
            return Files.readAllLines(Path.of("../stage03-rtyper/src/test/resources/ll-corpus.txt")).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LowLevelProgram transformed(Path dir, String source, String function) throws IOException {
        RTyper rtyper = RtypeCommand.rtyper(Files.writeString(dir.resolve("prog.py"), source), function);
        return new ShadowStackRoots().apply(Pipeline.of(OptLevel.O0).run(rtyper.program(entry(rtyper, function))));
    }

    private static LowLevelGraph entry(RTyper rtyper, String name) {
        return rtyper.graphs().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static LowLevelGraph graph(LowLevelProgram program, String name) {
        return program.graphs().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow();
    }

    private static List<SpaceOperation> operations(LowLevelGraph g) {
        List<SpaceOperation> ops = new ArrayList<>();
        for (Block b : g.graph().iterblocks()) {
            ops.addAll(b.operations);
        }
        return ops;
    }

    private static Block blockOf(LowLevelGraph g, SpaceOperation op) {
        return g.graph().iterblocks().stream().filter(b -> b.operations.contains(op)).findFirst().orElseThrow();
    }

    private static int indexOfCall(List<SpaceOperation> ops, String callee) {
        for (int i = 0; i < ops.size(); i++) {
            if (isCall(ops.get(i), callee)) {
                return i;
            }
        }
        throw new AssertionError("no call of " + callee);
    }

    private static boolean isCall(SpaceOperation op, String callee) {
        return op.op() == LLOp.DIRECT_CALL && op.args().getFirst().toString().contains("fn " + callee);
    }
}
