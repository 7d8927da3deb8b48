package dev.taipan.x86.gen;

import dev.taipan.flowgraph.cli.PhaseListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.gc.GcParams;
import dev.taipan.x86.elf.Executables;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime's buffered stdout ({@code Runtime}): every byte comes out, in order, through the
 * buffer's refills and past it (a line longer than the buffer); the report of an uncaught
 * exception on stderr comes after every line printed before it when both streams share one pipe
 * (the buffer is flushed before the first byte to fd 2); and the lines cost a {@code write} per
 * buffer, not one per piece of a {@code print} (counted with strace).
 */
class StdoutBufferTest {
    private static final Path PROGRAM = Path.of("src/test/resources/x86/buffered.py");
    private static final int LINES = 3000;

    @TempDir
    Path dir;

    private Path translate() {
        var quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        Path exe = dir.resolve("buffered");
        Translation.translate(new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0])), PROGRAM, exe,
                "semispace", null, GcParams.NATIVE, PhaseListener.NONE);
        return exe;
    }

    private static String printed() {
        return IntStream.range(0, LINES).mapToObj(i -> "line " + i + "\n").collect(Collectors.joining())
                + "x".repeat(10000) + "\nlast\n";
    }

    @Test
    void everyLineComesOutInOrderAndTheReportAfterThem() throws Exception {
        Executables.assumeLinuxX86_64();
        Path exe = translate();
        var ok = Executables.run(dir, exe.toString(), Integer.toString(LINES));
        assertThat(ok.status()).isZero();
        assertThat(ok.stdout()).isEqualTo(printed());
        var oneStream = Executables.run(dir, "/bin/sh", "-c", "\"$0\" " + LINES + " raise 2>&1", exe.toString());
        assertThat(oneStream.status()).isEqualTo(1);
        assertThat(oneStream.stdout()).startsWith(printed() + "Traceback (most recent call last):\n")
                .endsWith("ValueError: after " + LINES + " lines\n");
    }

    @Test
    void aWritePerBufferNotPerPrint() throws Exception {
        Executables.assumeLinuxX86_64();
        Executables.assumeTool("strace");
        Path exe = translate();
        Path log = dir.resolve("strace.log");
        var traced = Executables.run(dir, "strace", "-o", log.toString(), "-e", "trace=write", exe.toString(),
                Integer.toString(LINES));
        assumeTrue(traced.status() == 0 && Files.exists(log), "strace cannot trace here: " + traced.stderr());
        long writes = Files.readAllLines(log).stream().filter(l -> l.startsWith("write(1,")).count();
        int bytes = printed().length();
        // the buffer's refills (about 40 KB in 8 KiB pieces) and the long line written through
        assertThat(writes).isBetween(2L, (long) bytes / Runtime.STDOUT_BUFFER + 3);
        assertThat(traced.stdout()).isEqualTo(printed());
    }
}
