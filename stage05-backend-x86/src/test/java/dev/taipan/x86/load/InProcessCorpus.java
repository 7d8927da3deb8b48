package dev.taipan.x86.load;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.Outcome;
import dev.taipan.flowgraph.corpus.StageRun;
import dev.taipan.x86.gen.X86Stage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The child JVM of {@link InProcessCorpusTest}: {@code InProcessCorpus GC LIST} runs every
 * program named in the list file in-process under collector GC, one after the other in this one
 * JVM, and prints a line per program: {@code RUN name} before it starts (so that a crash names
 * its program), then {@code PASS name} or {@code FAIL name: what differs}. Generated code that
 * corrupts the JVM kills this process, not the build's.
 */
public final class InProcessCorpus {
    private InProcessCorpus() {
    }

    public static void main(String[] args) throws Exception {
        String gc = args[0];
        List<String> names = Files.readAllLines(Path.of(args[1])).stream().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        for (CorpusProgram p : Corpus.locate().programs(Corpus.Folder.RPY)) {
            String name = p.path().getFileName().toString();
            if (!names.contains(name)) {
                continue;
            }
            System.out.println("RUN " + name);
            System.out.flush();
            Outcome outcome = StageRun.capture(p, "x86", (host, err, prog) -> X86Stage.run(host, prog.path(),
                    prog.expectation().args(), new ExecOptions(false, null, gc, false, null, null, true), host.out(), err,
                    new ByteArrayInputStream(new byte[0])));
            List<String> failures = p.check(outcome);
            System.out.println(failures.isEmpty() ? "PASS " + name : "FAIL " + name + ": " + failures);
            System.out.flush();
        }
    }
}
