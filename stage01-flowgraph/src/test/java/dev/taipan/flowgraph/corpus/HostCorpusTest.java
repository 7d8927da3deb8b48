package dev.taipan.flowgraph.corpus;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/**
 * The project's most important test, at its first stage: every corpus program runs on the
 * host interpreter and must print exactly its expected stdout, exit with its status, and die
 * of its expected error on its marked line. One dynamic test per program, named after it.
 *
 * <p>Each program runs on a fresh interpreter, watched by a thread of its own, so that a
 * program that does not finish in time fails instead of hanging the build.
 */
class HostCorpusTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TestFactory
    Stream<DynamicTest> everyCorpusProgramOnTheHostInterpreter() {
        return Corpus.locate().programs().stream()
                .map(program -> dynamicTest(program.name(), program.path().toUri(),
                        () -> program.assertPasses(run(program))));
    }

    /** Runs one program on a new host interpreter; stdout and stderr captured as UTF-8. */
    static Outcome run(CorpusProgram program) throws InterruptedException {
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        var status = new AtomicInteger();
        var crash = new AtomicReference<Throwable>();
        Thread thread = Thread.ofPlatform().daemon().name("corpus " + program.name()).start(() -> {
            try (var out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
                 var err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
                var interpreter = new HostInterpreter(out, err, new ByteArrayInputStream(new byte[0]));
                // corpus/README.md: each program runs with its own folder as working directory.
                interpreter.setWorkingDirectory(program.path().getParent());
                status.set(interpreter.runProgram(program.path(), program.expectation().args()));
            } catch (Throwable t) {
                crash.set(t);
            }
        });
        thread.join(TIMEOUT);
        if (thread.isAlive()) {
            thread.interrupt();
            throw new AssertionFailedError(program.name() + " timed out after " + TIMEOUT.toSeconds() + " s");
        }
        if (crash.get() != null) {
            // runProgram promises never to throw for a user's mistake: this is an interpreter bug.
            throw new AssertionFailedError(program.name() + ": the host interpreter threw " + crash.get(), crash.get());
        }
        return new Outcome(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8), status.get());
    }
}
