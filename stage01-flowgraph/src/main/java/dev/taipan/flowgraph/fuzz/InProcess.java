package dev.taipan.flowgraph.fuzz;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.cli.ExecStage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Runs a stage (or a check) inside this JVM on a thread of its own, so that a Java exception
 * becomes a {@link Run.Ending#CRASHED} run and a stage that never ends a
 * {@link Run.Ending#TIMED_OUT} one, instead of ending the fuzzer. A timed-out thread is
 * interrupted: the host interpreter and the llinterp stop at their next bytecode or block; a
 * stage that does not look (a translation that never ends) is a daemon, left to finish or to
 * die with the JVM.
 */
final class InProcess {
    private InProcess() {
    }

    /** A value, or the run that failed to give one. */
    record Attempt<T>(T value, Run failure) {
    }

    /** {@code stage} on {@code file} with {@code options} (the collector of the stages that have one). */
    static Run run(ExecStage stage, Path file, ExecOptions options, Duration timeout) {
        var stdout = new ByteArrayOutputStream();
        var stderr = new ByteArrayOutputStream();
        var refused = new AtomicReference<String>();
        Attempt<Integer> a = attempt(stage.name(), () -> {
            try (var out = new PrintStream(stdout, false, StandardCharsets.UTF_8);
                 var err = new PrintStream(stderr, true, StandardCharsets.UTF_8)) {
                return stage.run(file, List.of(), options, out, err, new ByteArrayInputStream(new byte[0]));
            } catch (TaipanError e) {
                refused.set(e.getMessage());   // cannot translate it (yet): not a wrong answer
                return -1;
            }
        }, timeout);
        return a.failure() != null ? a.failure() : refused.get() != null ? Run.refused(refused.get())
                : Run.exited(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8), a.value());
    }

    static <T> Attempt<T> attempt(String name, Supplier<T> work, Duration timeout) {
        AtomicReference<Attempt<T>> result = new AtomicReference<>();
        Thread t = Thread.ofPlatform().daemon().name("fuzz " + name).start(() -> {
            try {
                result.set(new Attempt<>(work.get(), null));
            } catch (Throwable e) {
                result.set(new Attempt<>(null, Run.crashed(e)));
            }
        });
        try {
            t.join(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Attempt<T> done = result.get();
        if (done == null) {
            t.interrupt();   // the interpreters stop at their next block (or bytecode) when interrupted
        }
        return done != null ? done : new Attempt<>(null, Run.timedOut(timeout.toSeconds()));
    }
}
