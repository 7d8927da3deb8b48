package dev.taipan.gc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.Outcome;
import dev.taipan.flowgraph.corpus.StageRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Programs written to corner a collector, run checked under each collector that collects
 * (their expected output in their {@code # expect:} lines): a heap limit that only collecting
 * keeps to and one that nothing keeps to, a structure too deep and too wide for a mark phase
 * that recursed or a mark stack that could not grow, and prebuilt objects that alone hold new
 * ones.
 */
class GcTargetedProgramsTest {

    private static final Path DIR = Path.of("src/test/resources/gc");
    private static final String LIMIT = "2m";

    /** churn.py allocates about 10 MiB in all, little at once: within 2 MiB, dropped objects must be reused. */
    @ParameterizedTest
    @EnumSource(value = Collector.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void churnRunsInABoundedHeap(Collector gc) throws InterruptedException {
        CorpusProgram churn = program("churn.py");
        churn.assertPasses(run(churn, gc, LIMIT));
    }

    /** The same program with the same limit and no collector: a clean MemoryError, where the limit is passed. */
    @Test
    void churnRunsOutWithoutACollector() throws InterruptedException {
        CorpusProgram churn = program("churn.py");
        Outcome outcome = run(churn, Collector.NONE, LIMIT);
        assertThat(outcome.exit()).isEqualTo(1);
        assertThat(outcome.stdout()).isEmpty();
        assertThat(outcome.lastStderrLine()).isEqualTo("MemoryError");
        assertThat(outcome.stderr()).contains("in round_of");
    }

    /** keeps_too_much.py keeps all it allocates: past the limit, a clean MemoryError whatever the collector. */
    @ParameterizedTest
    @EnumSource(Collector.class)
    void keepingTooMuchEndsInMemoryError(Collector gc) throws InterruptedException {
        CorpusProgram program = program("keeps_too_much.py");
        program.assertPasses(run(program, gc, LIMIT));
    }

    /** A 100,000-cell chain that a 100,000-item list also holds, live across collections. */
    @ParameterizedTest
    @EnumSource(value = Collector.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void deepAndWideStructuresSurviveCollections(Collector gc) throws InterruptedException {
        CorpusProgram program = program("wide_and_deep.py");
        program.assertPasses(run(program, gc, null));
    }

    /** Prebuilt objects made to hold the only pointers to new ones, a collection at every allocation. */
    @ParameterizedTest
    @EnumSource(value = Collector.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void prebuiltObjectsKeepWhatTheyPointTo(Collector gc) throws InterruptedException {
        CorpusProgram program = program("globals_to_new.py");
        program.assertPasses(run(program, gc, null, true));
    }

    private static CorpusProgram program(String name) {
        return CorpusProgram.read(Corpus.Folder.RPY, DIR.resolve(name));
    }

    private static Outcome run(CorpusProgram program, Collector gc, String heapMax) throws InterruptedException {
        return run(program, gc, heapMax, false);
    }

    private static Outcome run(CorpusProgram program, Collector gc, String heapMax, boolean stress) throws InterruptedException {
        ExecOptions options = new ExecOptions(true, null, gc.gcName(), stress, heapMax);
        return StageRun.capture(program, "gc", (host, err, p) ->
                GcStage.run(host, p.path(), p.expectation().args(), options, host.out(), err));
    }
}
