package dev.taipan.flowgraph.corpus;

import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.opentest4j.AssertionFailedError;

/**
 * Runs one corpus program through one stage the way every stage's corpus test needs it: on a
 * fresh host interpreter (each stage starts from the live objects the program's import
 * leaves), with the program's folder as working directory (corpus/README.md), stdout and
 * stderr captured as UTF-8, on a thread of its own so that a program that does not finish in
 * time fails instead of hanging the build. A Java exception out of the stage is a bug in the
 * stage, never the program's outcome, so it fails the test.
 */
@FunctionalInterface
public interface StageRun {

    /** Runs the program at this stage; returns its exit status. */
    int run(HostInterpreter host, PrintStream err, CorpusProgram program);

    /**
     * A guard against a program that never ends, not a measure of speed: generous, so that a
     * slow run on a busy machine (a checked, stressed collection at every allocation) never
     * fails a test that a quiet one passes.
     */
    Duration TIMEOUT = Duration.ofMinutes(10);

    /** The program's outcome at the stage called {@code stage} (for failure messages). */
    static Outcome capture(CorpusProgram program, String stage, StageRun run) throws InterruptedException {
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        var status = new AtomicInteger();
        var crash = new AtomicReference<Throwable>();
        Thread thread = Thread.ofPlatform().daemon().name(stage + " corpus " + program.name()).start(() -> {
            try (var out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
                 var err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
                var host = new HostInterpreter(out, err, new ByteArrayInputStream(new byte[0]));
                host.setWorkingDirectory(program.path().getParent());
                status.set(run.run(host, err, program));
            } catch (Throwable t) {
                crash.set(t);
            }
        });
        thread.join(TIMEOUT);
        if (thread.isAlive()) {
            thread.interrupt();
            throw new AssertionFailedError(program.name() + " did not end within " + TIMEOUT.toMinutes() + " minutes");
        }
        if (crash.get() != null) {
            throw new AssertionFailedError(program.name() + ": the " + stage + " stage threw " + crash.get(), crash.get());
        }
        return new Outcome(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8), status.get());
    }
}
