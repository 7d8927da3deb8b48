package dev.taipan.x86;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.Outcome;
import dev.taipan.flowgraph.corpus.StageRun;
import dev.taipan.gc.Collector;
import dev.taipan.x86.elf.Executables;
import dev.taipan.x86.gen.X86Stage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * RPy programs translated by this stage into static executables and run as processes, as
 * {@code --stage=x86} does, checked against their {@code # expect:} lines. Shared by the tests of
 * the native collectors and by the exercises' contracts (it ships in the test-jar with them), whose
 * programs show that a student's encoder or resolver works in the whole backend.
 */
public final class X86Programs {
    private X86Programs() { }

    /** {@code source}, written to {@code dir/name}, translated with {@code collector} and run: it must print and exit as it expects. */
    public static void assertRuns(Path dir, String name, String source, Collector collector)
            throws IOException, InterruptedException {
        Executables.assumeLinuxX86_64();
        CorpusProgram p = CorpusProgram.read(Corpus.Folder.RPY, Files.writeString(dir.resolve(name), source));
        p.assertPasses(run(p, collector, null, false));
    }

    /** What {@code program} does as a native process, with the collector's options ({@code --heap-max}, {@code --gc-stress}). */
    public static Outcome run(CorpusProgram program, Collector collector, String heapMax, boolean stress)
            throws InterruptedException {
        return run(program, new ExecOptions(false, null, collector.gcName(), stress, heapMax));
    }

    /** What {@code program} does as a native process translated with {@code options}. */
    public static Outcome run(CorpusProgram program, ExecOptions options) throws InterruptedException {
        return StageRun.capture(program, "x86", (host, err, p) -> X86Stage.run(host, p.path(), p.expectation().args(),
                options, host.out(), err, new ByteArrayInputStream(new byte[0])));
    }
}
