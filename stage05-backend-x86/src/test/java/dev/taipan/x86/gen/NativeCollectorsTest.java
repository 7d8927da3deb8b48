package dev.taipan.x86.gen;

import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.gc.Collector;
import dev.taipan.x86.X86Programs;
import dev.taipan.x86.elf.Executables;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The collectors compiled to machine code with the program, with the options that stress them:
 * a bounded heap ({@code --heap-max}) that a program allocating far more than it keeps must live
 * within, and that a program keeping everything must end in a clean {@code MemoryError}; and a
 * collection at every allocation ({@code --gc-stress}) over a program of trees, lists and dicts.
 * The same programs and limits as stage 04's {@code GcTargetedProgramsTest}, as native processes.
 */
class NativeCollectorsTest {
    private static final Path GC_PROGRAMS = Path.of("../stage04-gc/src/test/resources/gc");

    @BeforeAll
    static void onLinuxX86() {
        Executables.assumeLinuxX86_64();
    }

    @ParameterizedTest
    @EnumSource(value = Collector.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void churnRunsInABoundedHeap(Collector gc) throws InterruptedException {
        CorpusProgram churn = CorpusProgram.read(Corpus.Folder.RPY, GC_PROGRAMS.resolve("churn.py").toAbsolutePath());
        churn.assertPasses(X86Programs.run(churn, gc, "2m", false));
    }

    @ParameterizedTest
    @EnumSource(Collector.class)
    void keepingTooMuchEndsInMemoryError(Collector gc) throws InterruptedException {
        CorpusProgram p = CorpusProgram.read(Corpus.Folder.RPY, GC_PROGRAMS.resolve("keeps_too_much.py").toAbsolutePath());
        p.assertPasses(X86Programs.run(p, gc, "2m", false));
    }

    @ParameterizedTest
    @EnumSource(value = Collector.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aCollectionAtEveryAllocation(Collector gc) throws InterruptedException {
        CorpusProgram p = Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .filter(q -> q.path().getFileName().toString().equals("tree_bst.py")).findFirst().orElseThrow();
        p.assertPasses(X86Programs.run(p, gc, null, true));
    }
}
