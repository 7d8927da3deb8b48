package dev.taipan.x86.gen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.PhaseListener;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.Collector;
import dev.taipan.gc.GcParams;
import dev.taipan.x86.X86Programs;
import dev.taipan.x86.elf.Executables;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
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

    /** One of stage 04's targeted programs, with the expectation it carries. */
    private static CorpusProgram gcProgram(String name) {
        return CorpusProgram.read(Corpus.Folder.RPY, GC_PROGRAMS.resolve(name).toAbsolutePath());
    }

    @ParameterizedTest
    @EnumSource(value = Collector.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void churnRunsInABoundedHeap(Collector gc) throws InterruptedException {
        CorpusProgram churn = gcProgram("churn.py");
        churn.assertPasses(X86Programs.run(churn, gc, "2m", false));
    }

    /**
     * {@code --nursery}: a nursery smaller than most objects (which are then allocated old), one
     * of a few objects, and one larger than all the program allocates (no minor collection at
     * all) give the same output.
     */
    @ParameterizedTest
    @EnumSource(value = Collector.class, names = {"GENERATIONAL", "MINIMARK"})
    void anyNurserySizeRunsTheProgram(Collector gc) throws InterruptedException {
        CorpusProgram churn = gcProgram("churn.py");
        for (String nursery : List.of("100", "4k", "64m")) {
            churn.assertPasses(X86Programs.run(churn, new ExecOptions(false, null, gc.gcName(), false, null, nursery, false)));
        }
    }

    @ParameterizedTest
    @EnumSource(Collector.class)
    void keepingTooMuchEndsInMemoryError(Collector gc) throws InterruptedException {
        CorpusProgram p = gcProgram("keeps_too_much.py");
        p.assertPasses(X86Programs.run(p, gc, "2m", false));
    }

    /**
     * With no {@code --heap-max}, a program that keeps everything grows its heap until the
     * system refuses memory (here an address-space limit, {@code ulimit -v}, of 200 MB): the
     * collector's {@code raw_malloc} then returns NULL, which it must turn into the prebuilt
     * {@code MemoryError} rather than write through (a segmentation fault, before).
     */
    @ParameterizedTest
    @EnumSource(Collector.class)
    void memoryTheSystemRefusesIsAMemoryError(Collector gc, @TempDir Path dir) throws Exception {
        Path exe = dir.resolve("keeps_too_much");
        Translation.translate(new HostInterpreter(System.out, System.err, new ByteArrayInputStream(new byte[0])),
                GC_PROGRAMS.resolve("keeps_too_much.py").toAbsolutePath(), exe, gc.gcName(), null, GcParams.NATIVE,
                PhaseListener.NONE);
        Executables.Result r = Executables.run(dir, "/bin/bash", "-c", "ulimit -v 200000; exec ./keeps_too_much 100000000");
        assertThat(r.status()).as(r.stderr()).isEqualTo(1);
        assertThat(r.stderr().strip()).endsWith("MemoryError");
    }

    @ParameterizedTest
    @EnumSource(value = Collector.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void aCollectionAtEveryAllocation(Collector gc) throws InterruptedException {
        CorpusProgram p = Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .filter(q -> q.path().getFileName().toString().equals("tree_bst.py")).findFirst().orElseThrow();
        p.assertPasses(X86Programs.run(p, gc, null, true));
    }
}
