package dev.taipan.gc;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.Outcome;
import dev.taipan.flowgraph.corpus.StageRun;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * {@code --gc=generational --gc-stress} and {@code --gc=minimark --gc-stress} on the checked heap: a nursery of one object, so every
 * allocation is a minor collection (and every large one a major collection), and a pointer the
 * collector did not update, through a missing root or a missing write barrier, reads the freed
 * nursery at once: a program of old objects that get young ones stored into them, as on the host
 * (the whole corpus runs so too, in {@link GcCorpusTest}).
 */
class YoungGenerationStressTest {

    private static final Path OLD_POINTS_TO_YOUNG = Path.of("src/test/resources/generational/old_points_to_young.py");

    @TestFactory
    Stream<DynamicTest> oldObjectsKeepTheYoungObjectsStoredIntoThem() {
        CorpusProgram p = CorpusProgram.read(Corpus.Folder.RPY, OLD_POINTS_TO_YOUNG.toAbsolutePath());
        return Stream.of(Collector.GENERATIONAL, Collector.MINIMARK).flatMap(gc -> Stream.of(true, false).map(stress ->
                dynamicTest(gc.gcName() + (stress ? ", stress" : ", a 256 KiB nursery"), () -> p.assertPasses(run(p, gc, stress)))));
    }

    /** The program at {@code --stage=gc --gc=GC --checked}, with {@code --gc-stress} or not. */
    private static Outcome run(CorpusProgram program, Collector gc, boolean stress) throws InterruptedException {
        return StageRun.capture(program, "gc", (host, err, p) -> GcStage.run(host, p.path(), p.expectation().args(),
                new ExecOptions(true, null, gc.gcName(), stress, null), host.out(), err));
    }
}
