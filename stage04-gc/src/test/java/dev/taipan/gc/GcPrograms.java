package dev.taipan.gc;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.StageRun;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.RtypeCommand;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the contract tests of stage 04's exercises share (they ship in the test-jar with it, so
 * that the exercises module can run them): small programs run at {@code --stage=gc} on the
 * checked heap under a chosen collector, and small functions rtyped and taken through the
 * passes, to count what a GC pass put into them.
 */
public final class GcPrograms {
    private GcPrograms() { }

    /**
     * Runs {@code source}, an RPy program with {@code # expect:} lines (and {@code # args:}), at
     * {@code --stage=gc --checked} under {@code collector}, with {@code --gc-stress} or not, and
     * fails unless it prints what it expects and exits as expected.
     */
    public static void assertRuns(Path dir, String name, String source, Collector collector, boolean stress)
            throws IOException, InterruptedException {
        assertRuns(Files.writeString(dir.resolve(name), source), collector, stress);
    }

    /** The same for a program already in a file. */
    public static void assertRuns(Path file, Collector collector, boolean stress) throws InterruptedException {
        CorpusProgram p = CorpusProgram.read(Corpus.Folder.RPY, file);
        p.assertPasses(StageRun.capture(p, "gc", (host, err, program) -> GcStage.run(host, program.path(),
                program.expectation().args(), new ExecOptions(true, null, collector.gcName(), stress, null), host.out(), err)));
    }

    /** A program of this stage's test resources ({@code generational/old_points_to_young.py}), copied into {@code dir}. */
    public static Path resource(Path dir, String name) throws IOException {
        try (InputStream in = GcPrograms.class.getResourceAsStream("/" + name)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("no test resource " + name));
            }
            Path file = dir.resolve(Path.of(name).getFileName());
            Files.copy(in, file);
            return file;
        }
    }

    /**
     * {@code function} of {@code source} and every graph it calls, rtyped and through the passes of
     * {@code level}; {@code entry_point} is annotated as a program's (its argument a list of strings).
     */
    public static LowLevelProgram lowLevel(Path dir, String source, String function, OptLevel level) throws IOException {
        Path file = Files.writeString(dir.resolve("prog.py"), source);
        RTyper rtyper = RtypeCommand.rtyper(file, function.equals("entry_point") ? null : function);
        LowLevelGraph entry = rtyper.graphs().stream().filter(g -> g.name().equals(function)).findFirst().orElseThrow();
        return Pipeline.of(level).run(rtyper.program(entry));
    }

    public static LowLevelGraph graph(LowLevelProgram program, String name) {
        return program.graphs().stream().filter(g -> g.name().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no graph " + name + " in " + program.graphs().stream().map(LowLevelGraph::name).toList()));
    }

    /** The operations of the graph {@code name}, block after block. */
    public static List<SpaceOperation> operations(LowLevelProgram program, String name) {
        List<SpaceOperation> ops = new ArrayList<>();
        for (Block b : graph(program, name).graph().iterblocks()) {
            ops.addAll(b.operations);
        }
        return ops;
    }

    /** How many operations of the graph {@code name} are {@code op}. */
    public static long count(LowLevelProgram program, String name, Object op) {
        return operations(program, name).stream().filter(o -> o.op() == op).count();
    }

    /** The index of the first operation {@code op} in {@code ops}. */
    public static int indexOf(List<SpaceOperation> ops, Object op) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).op() == op) {
                return i;
            }
        }
        throw new AssertionError("no " + op + " in " + ops);
    }

    /** The index of the first {@code direct_call} of the function {@code callee} in {@code ops}. */
    public static int indexOfCall(List<SpaceOperation> ops, String callee) {
        for (int i = 0; i < ops.size(); i++) {
            if (ops.get(i).op() == LLOp.DIRECT_CALL && ops.get(i).args().getFirst().toString().contains("fn " + callee)) {
                return i;
            }
        }
        throw new AssertionError("no call of " + callee + " in " + ops);
    }
}
