package dev.taipan.gc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.Outcome;
import dev.taipan.flowgraph.corpus.StageRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The corpus at {@code --stage=gc}, under every collector, on the checked heap (where a
 * pointer the collector was not told about fails at its first use of freed memory): every
 * program that runs at {@code ll} gives the same output, exit status and error here. A moving
 * collector may refuse a program that uses addresses as numbers (identity hashes), saying so.
 */
class GcCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyLlProgramRunsUnderEveryCollector() {
        return Arrays.stream(Collector.values()).flatMap(gc -> Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .filter(p -> LL_CORPUS.contains(p.path().getFileName().toString()))
                .map(p -> dynamicTest(gc.gcName() + ": " + p.name(), p.path().toUri(), () -> check(p, gc))));
    }

    /**
     * The same under {@code --gc-stress}, a collection at every allocation (a nursery of one
     * object), with the heap check before and after each: every root, every barrier and every
     * field the collector traces is exercised at every point where it could be missed.
     */
    @TestFactory
    Stream<DynamicTest> everyLlProgramRunsUnderEveryCollectorInStressMode() {
        return Arrays.stream(Collector.values()).filter(gc -> gc != Collector.NONE)
                .flatMap(gc -> Corpus.locate().programs(Corpus.Folder.RPY).stream()
                        .filter(p -> LL_CORPUS.contains(p.path().getFileName().toString()))
                        .map(p -> dynamicTest(gc.gcName() + " --gc-stress: " + p.name(), p.path().toUri(),
                                () -> check(p, gc, true))));
    }

    private static void check(CorpusProgram program, Collector gc) throws InterruptedException {
        check(program, gc, false);
    }

    private static void check(CorpusProgram program, Collector gc, boolean stress) throws InterruptedException {
        AtomicReference<TaipanError> refused = new AtomicReference<>();
        Outcome outcome = StageRun.capture(program, "gc", (host, err, p) -> {
            try {
                return GcStage.run(host, p.path(), p.expectation().args(),
                        new ExecOptions(true, null, gc.gcName(), stress, null), host.out(), err);
            } catch (TaipanError e) {
                refused.set(e);
                return -1;
            }
        });
        if (refused.get() != null && gc.moving()) {
            assertThat(refused.get()).hasMessageContaining("uses an object's address as a number");
            return;
        }
        assertThat(refused.get()).as("refused: %s", refused.get()).isNull();
        program.assertPasses(outcome);
    }

    static final Set<String> LL_CORPUS = llCorpus();

    private static Set<String> llCorpus() {
        try {
            return Files.readAllLines(Path.of("../stage03-rtyper/src/test/resources/ll-corpus.txt")).stream()
                    .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
