package dev.taipan.x86.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.x86.elf.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machine code running in-process does not hold the JVM at a safepoint: the JVM collects its
 * garbage while a program is blocked inside it (see {@link InProcessSafepoint}, run in a child
 * JVM). The timeout is only a safety net against the hang this test exists to catch.
 */
class InProcessSafepointTest {
    private static final String PROGRAM = """
            import os

            def entry_point(argv):
                print("ready")
                data = os.read(0, 100)
                print("read %d bytes" % len(data))
                return 7
            """;

    @Test
    void theJvmCollectsWhileTheProgramWaitsInMachineCode(@TempDir Path dir) throws IOException, InterruptedException {
        Executables.assumeLinuxX86_64();
        Path file = Files.writeString(dir.resolve("waits.py"), PROGRAM);
        Process child = ChildJvm.of(InProcessSafepoint.class, List.of(), file.toString())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        boolean ended = child.waitFor(10, TimeUnit.MINUTES);
        if (!ended) {
            child.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(dir.resolve("out.txt"), StandardCharsets.UTF_8);
        assertThat(ended).as("the child ended: " + lines).isTrue();
        assertThat(lines).containsSubsequence("collected while the program waited in machine code",
                "program printed ready|read 5 bytes, status 7");
    }
}
