package dev.taipan.flowgraph.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.cli.ExecStage;
import dev.taipan.flowgraph.cli.HostStage;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A program that never ends must not end the fuzzer. A long run was killed by the kernel once:
 * a generated program grew a string exponentially, CPython timed out on it, and meanwhile the
 * stages, run beside it, had filled the machine's memory. So the reference runs first, and a
 * program it cannot run goes to no stage; and a stage that times out is interrupted.
 */
class RunawayProgramTest {

    /** A stage that records whether it was asked to run anything. */
    static final class Recording implements ExecStage {
        final AtomicBoolean ran = new AtomicBoolean();

        @Override
        public String name() {
            return "recording";
        }

        @Override
        public String description() {
            return "records that it ran";
        }

        @Override
        public int run(Path file, List<String> args, PrintStream out, PrintStream err, InputStream in) {
            ran.set(true);
            return 0;
        }
    }

    @TempDir
    Path work;

    @Test
    void aProgramTheReferenceCannotRunGoesToNoStage() throws IOException {
        Path program = Files.writeString(work.resolve("fails.py"), """
                def entry_point(argv):
                    return 1 // 0
                """);
        Recording stage = new Recording();
        Differential diff = new Differential(Optional.empty(), List.of(new HostStage(), stage), List.of(), Duration.ofSeconds(60));
        Differential.Result result = diff.compare(program);
        assertThat(result.findings()).extracting(Finding::where, Finding::kind)
                .containsExactly(Tuple.tuple("host", Finding.Kind.INVALID_PROGRAM));
        assertThat(stage.ran).as("the stage ran the program").isFalse();
    }

    @Test
    void aRunThatTimesOutIsInterrupted() throws InterruptedException {
        CountDownLatch interrupted = new CountDownLatch(1);
        InProcess.Attempt<Integer> attempt = InProcess.attempt("waiting", () -> {
            try {
                new CountDownLatch(1).await();   // never counted down: only an interrupt ends the wait
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
            return 0;
        }, Duration.ofMillis(1));
        assertThat(attempt.failure().ending()).isEqualTo(Run.Ending.TIMED_OUT);
        interrupted.await();   // returns once the run's thread was interrupted, however long that takes
    }
}
