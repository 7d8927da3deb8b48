package dev.taipan.rtyper.rtyper;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.corpus.Corpus;
import dev.taipan.flowgraph.corpus.CorpusProgram;
import dev.taipan.flowgraph.corpus.StageRun;
import dev.taipan.rtyper.transform.OptLevel;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The proof of the graph passes: every program of {@code ll-corpus.txt} gives its expected
 * output, exit status and error report, traceback line included, at each {@code --opt} level
 * the default does not already run ({@link LLCorpusTest} runs {@code --opt=2}), over the checked
 * heap: the rtyper's graphs untouched ({@code none}, exception links run by the llinterp's
 * unwinding), the exception transform alone ({@code 0}), and with constant folding ({@code 1}).
 * Every transformed graph has also passed the pipeline's checkers before it runs.
 */
class LLCorpusOptLevelsTest {

    @TestFactory
    Stream<DynamicTest> everyListedProgramRunsTheSameAtEveryOptLevel() {
        return Corpus.locate().programs(Corpus.Folder.RPY).stream()
                .filter(p -> LLCorpusTest.PASSING.contains(p.path().getFileName().toString()))
                .flatMap(p -> Stream.of(OptLevel.NONE, OptLevel.O0, OptLevel.O1)
                        .map(level -> dynamicTest(p.name() + " --opt=" + level, p.path().toUri(), () -> check(p, level))));
    }

    private static void check(CorpusProgram program, OptLevel level) throws InterruptedException {
        program.assertPasses(StageRun.capture(program, "ll", (host, err, p) -> LLStage.run(host, p.path(),
                p.expectation().args(), new ExecOptions(true, level.toString()), host.out(), err)));
    }
}
