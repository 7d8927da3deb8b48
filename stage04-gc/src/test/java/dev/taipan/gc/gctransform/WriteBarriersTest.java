package dev.taipan.gc.gctransform;

import static dev.taipan.gc.GcPrograms.indexOf;
import static dev.taipan.gc.GcPrograms.indexOfCall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.Outcome;
import dev.taipan.flowgraph.corpus.StageRun;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.gc.GcStage;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.rtyper.LLStage;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the write barriers go, where they are left out, and that a program breaks without them. */
class WriteBarriersTest {

    private static final String STORES = """
            class Node(object):
                def __init__(self, value):
                    self.value = value
                    self.next = None

            def make(n):
                return Node(n)

            def into_parameter(a, b):
                a.next = b                # a may be old, b young: a barrier

            def an_int(a, n):
                a.value = n               # no pointer stored: none

            def a_constant(a):
                a.next = None             # null is never young: none

            def into_new(b):
                a = Node(1)               # young (or allocated old and remembered) ...
                a.next = b                # ... and nothing collected since: none
                return a

            def into_new_after_a_call(b):
                a = Node(1)
                c = make(2)               # may collect: a may have been promoted since
                a.next = b                # a barrier again
                return c

            def into_an_item(items, b):
                items[0] = b              # setarrayitem into a list's items: a barrier

            def f(n):
                a = Node(n)
                into_parameter(a, a)
                an_int(a, n)
                a_constant(a)
                into_new_after_a_call(into_new(a))
                into_an_item([a], a)
                return a.value
            """;

    private static LowLevelProgram program;

    @BeforeAll
    static void transform(@TempDir Path dir) throws IOException {
        RTyper rtyper = RtypeCommand.rtyper(Files.writeString(dir.resolve("prog.py"), STORES), "f");
        LowLevelGraph f = rtyper.graphs().stream().filter(g -> g.name().equals("f")).findFirst().orElseThrow();
        program = new WriteBarriers().apply(Pipeline.of(OptLevel.O0).run(rtyper.program(f)));
    }

    @Test
    void aStoreOfAPointerIntoAParameterGetsABarrierOnThatObject() {
        List<SpaceOperation> ops = operations("into_parameter");
        int store = indexOf(ops, LLOp.SETFIELD);
        assertThat(ops.get(store - 1).op()).isEqualTo(GcOp.GC_WRITE_BARRIER);
        assertThat(ops.get(store - 1).args()).containsExactly(ops.get(store).args().getFirst());
        assertThat(barriers("into_an_item")).isEqualTo(1);
    }

    @Test
    void storesOfIntsAndConstantsGetNone() {
        assertThat(barriers("an_int")).isZero();
        assertThat(barriers("a_constant")).isZero();
    }

    @Test
    void aStoreIntoAnObjectAllocatedSinceTheLastCollectionPointGetsNone() {
        assertThat(barriers("into_new")).as("%s", operations("into_new")).isZero();
    }

    @Test
    void aCallThatCanCollectBetweenTheAllocationAndTheStoreBringsTheBarrierBack() {
        List<SpaceOperation> ops = operations("into_new_after_a_call");
        assertThat(barriers("into_new_after_a_call")).isEqualTo(1);
        assertThat(indexOf(ops, GcOp.GC_WRITE_BARRIER)).isGreaterThan(indexOfCall(ops, "make"));
    }

    /** The self-test of the tests: without its barriers, the program of old objects pointing to young ones fails (checked). */
    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void withoutTheBarriersOldObjectsLoseTheirYoungObjects(boolean stress) throws InterruptedException {
        CorpusProgram p = CorpusProgram.read(Corpus.Folder.RPY, OLD_POINTS_TO_YOUNG.toAbsolutePath());
        Outcome with = run(p, stress, t -> t);
        Outcome without = run(p, stress, GcTransformer::withoutWriteBarriers);
        assertThat(p.check(with)).isEmpty();
        assertThat(p.check(without)).isNotEmpty();
        // the heap check, before the minor collection, finds the old object the barrier did not remember
        assertThat(without.stderr()).contains("Fatal error in the low-level program")
                .contains("an old object points to a young one and is not in the remembered set");
    }

    private static final Path OLD_POINTS_TO_YOUNG = Path.of("src/test/resources/generational/old_points_to_young.py");

    private static Outcome run(CorpusProgram program, boolean stress, Function<GcTransformer, GcTransformer> change)
            throws InterruptedException {
        return StageRun.capture(program, "gc", (host, err, p) -> {
            LowLevelProgram ll = GcStage.translate(host, p.path(), Collector.GENERATIONAL, OptLevel.parse(null, LLStage.DEFAULT_OPT),
                    entries -> change.apply(new GcTransformer(Collector.GENERATIONAL, entries, GcParams.INTERPRETED.withStress(stress).withHeapCheck(true))));
            return LLStage.runProgram(ll, host, p.path(), List.of(), true, host.out(), err);
        });
    }

    private static int barriers(String graph) {
        return (int) operations(graph).stream().filter(op -> op.op() == GcOp.GC_WRITE_BARRIER).count();
    }

    private static List<SpaceOperation> operations(String name) {
        LowLevelGraph g = program.graphs().stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no graph " + name + " in " + program.graphs().stream().map(LowLevelGraph::name).toList()));
        List<SpaceOperation> ops = new ArrayList<>();
        for (Block b : g.graph().iterblocks()) {
            ops.addAll(b.operations);
        }
        return ops;
    }
}
