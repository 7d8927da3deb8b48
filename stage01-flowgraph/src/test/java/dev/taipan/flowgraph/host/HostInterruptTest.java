package dev.taipan.flowgraph.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link HostInterpreter#interrupt} stops an endless loop with KeyboardInterrupt, as Ctrl-C does. */
class HostInterruptTest {

    @TempDir
    Path dir;

    @Test
    void interruptRaisesKeyboardInterruptAtTheLoop() throws Exception {
        Path prog = Files.writeString(dir.resolve("spin.py"), """
                import sys
                print("spinning", flush=True)
                try:
                    while True:
                        pass
                except KeyboardInterrupt:
                    print("stopped")
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        HostInterpreter host = new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), new ByteArrayInputStream(new byte[0]));
        AtomicInteger status = new AtomicInteger(-1);
        Thread runner = new Thread(() -> status.set(host.runProgram(prog, List.of())));
        runner.start();
        while (!out.toString(StandardCharsets.UTF_8).contains("spinning")) {
            Thread.sleep(10);
        }
        Thread.sleep(50);
        host.interrupt();
        runner.join(10_000);
        assertThat(runner.isAlive()).isFalse();
        assertThat(status.get()).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("spinning\nstopped\n");
    }
}
