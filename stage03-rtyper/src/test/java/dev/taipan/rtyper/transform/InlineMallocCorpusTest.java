package dev.taipan.rtyper.transform;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.StageRun;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.llinterp.Outcome;
import dev.taipan.rtyper.memory.Heap;
import dev.taipan.rtyper.rtyper.RTyper;
import dev.taipan.rtyper.rtyper.WellFormed;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every program of {@code ll-corpus.txt} after {@link Inlining} then {@link MallocRemoval}, run
 * over the checked heap: the same output, exit status and uncaught exception (its line included)
 * as before the passes, and every graph still well formed and typed.
 */
class InlineMallocCorpusTest {

    @TestFactory
    Stream<DynamicTest> theLlCorpusGivesTheSameOutputAfterInliningAndMallocRemoval() {
        Set<String> passing = load();
        return Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .filter(p -> passing.contains(p.path().getFileName().toString()))
                .map(program -> dynamicTest(program.name(), program.path().toUri(), () -> check(program)));
    }

    private static void check(CorpusProgram program) throws InterruptedException {
        var outcome = StageRun.capture(program, "ll", (host, err, p) -> {
            Annotator ann = AnnotateCommand.annotateFile(host, p.path(), "entry_point", true);
            RTyper rtyper = host.runInside(() -> {
                RTyper r = new RTyper(ann);
                r.specialize();
                return r;
            });
            LowLevelProgram rtyped = rtyper.program(rtyper.graphs().getFirst());
            List<LowLevelGraph> wellFormed = rtyped.graphs().stream().filter(InlineMallocCorpusTest::wellFormed).toList();
            LowLevelProgram optimised = new MallocRemoval().apply(new Inlining().apply(rtyped));
            wellFormed.forEach(WellFormed::check);   // the passes break none (the rtyper leaves a few constant switches)
            List<String> argv = new ArrayList<>();
            argv.add(p.path().toString());
            argv.addAll(p.expectation().args());
            try (Heap heap = Heap.checked()) {
                Outcome o = new LLInterpreter(optimised, heap, host.out()).runMain(argv);
                if (o instanceof Outcome.Uncaught u) {
                    host.out().flush();
                    err.print(u.report());
                }
                return o.exitStatus();
            }
        });
        program.assertPasses(outcome);
    }

    private static boolean wellFormed(LowLevelGraph g) {
        try {
            WellFormed.check(g);
            return true;
        } catch (AssertionError | RuntimeException e) {
            return false;
        }
    }

    private static Set<String> load() {
        try (InputStream in = InlineMallocCorpusTest.class.getResourceAsStream("/ll-corpus.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).collect(Collectors.toSet());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
