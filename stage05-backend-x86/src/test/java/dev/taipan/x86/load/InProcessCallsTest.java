package dev.taipan.x86.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.x86.elf.Executables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Translated functions called from Java with Java arguments ({@link InProcess#call}), in a child
 * JVM ({@link InProcessCalls}) as every test that runs generated code in-process: words and
 * doubles in, results out, the function's prints on its own stream, an exception reported and
 * thrown without spoiling the next call, the collector's heap kept from call to call, and clear
 * errors for a function that is not there or an argument of the wrong type.
 */
class InProcessCallsTest {
    private static final String PROGRAM = """
            def fib(n):
                if n < 2:
                    return n
                return fib(n - 1) + fib(n - 2)

            def norm2(x, y):
                return x * x + y * y

            def twice(n):
                if n < 0:
                    raise ValueError("negative")
                return 2 * n

            def shout(c, n):
                print(c * n)
                return n > 3

            KEPT = []

            def grow(n):
                i = 0
                while i < n:
                    KEPT.append(str(i))
                    i += 1
                return len(KEPT)

            def entry_point(argv):
                if len(argv) > 5:   # never: this gives the functions their types
                    print(fib(len(argv)), norm2(1.5, float(len(argv))), twice(len(argv)),
                          shout(argv[0][0], len(argv)), grow(len(argv)))
                print("main ran")
                return 0
            """;

    @Test
    void functionsAreCalledWithJavaArguments(@TempDir Path dir) throws IOException, InterruptedException {
        Executables.assumeLinuxX86_64();
        Path file = Files.writeString(dir.resolve("calls.py"), PROGRAM);
        Process child = ChildJvm.of(InProcessCalls.class, List.of(), file.toString(), "generational").start();
        List<String> lines = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        assertThat(child.waitFor()).as(String.join("\n", lines)).isZero();
        assertThat(lines).containsSubsequence(
                "main -> 0 printing [main ran]",
                "fib[30] -> 832040 printing [] erring 0",
                "fib[10] -> 55 printing [] erring 0",
                "norm2[1.5, 2.0] -> 6.25 printing [] erring 0",
                "twice[21] -> 42 printing [] erring 0",
                "twice[-1] -> ProgramRaised: ValueError: negative printing [] erring 4",
                "twice[4] -> 8 printing [] erring 0",
                "shout[a, 5] -> true printing [aaaaa] erring 0",
                "grow[200000] -> 200000 printing [] erring 0",
                "grow[300000] -> 500000 printing [] erring 0");
        assertThat(lines).anyMatch(l -> l.startsWith("nosuch[1] -> IllegalArgumentException: the program has no function 'nosuch'"));
        assertThat(lines).anyMatch(l -> l.startsWith("fib[ten] -> IllegalArgumentException: fib's argument 1 must be a Signed"));
    }
}
