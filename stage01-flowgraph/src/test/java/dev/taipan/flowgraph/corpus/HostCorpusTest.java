package dev.taipan.flowgraph.corpus;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The project's most important test, at its first stage: every corpus program runs on the
 * host interpreter and must print exactly its expected stdout, exit with its status, and die
 * of its expected error on its marked line. One dynamic test per program, named after it.
 *
 * <p>Each program runs on a fresh interpreter, watched by a thread of its own ({@link StageRun}).
 */
class HostCorpusTest {

    @TestFactory
    Stream<DynamicTest> everyCorpusProgramOnTheHostInterpreter() {
        return Corpus.locate().programs().stream()
                .map(program -> dynamicTest(program.name(), program.path().toUri(),
                        () -> program.assertPasses(run(program))));
    }

    /** Runs one program on a new host interpreter ({@link StageRun}). */
    static Outcome run(CorpusProgram program) throws InterruptedException {
        return StageRun.capture(program, "host",
                (host, err, p) -> host.runProgram(p.path(), p.expectation().args()));
    }
}
