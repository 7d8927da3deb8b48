package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fmt % args} with a format known only at run time ({@link RuntimeFormatting},
 * {@code rformat_runtime.py}): a driver takes its formats from {@code argv}, so none is a
 * constant, and applies each to values of every static type the helpers know (int, negative
 * int, float, str, bool, r_uint-free instance with {@code __str__}/{@code __repr__}, None, a
 * list); run at {@code ll} on the checked heap and on {@code /usr/bin/python3}, every line must
 * be equal. The errors' messages are compared the same way, one uncaught error per run (their
 * last traceback line). Skipped, saying so, without {@code /usr/bin/python3}.
 */
class RuntimeFormattingTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");

    @TempDir
    Path dir;

    private static final String DRIVER = """
            class Point:
                def __init__(self, x):
                    self.x = x
                def __str__(self):
                    return "P%d" % self.x
                def __repr__(self):
                    return "Point(%d)" % self.x

            def one(fmt, k):
                if k == 0:
                    return fmt % -42
                if k == 1:
                    return fmt % 255
                if k == 2:
                    return fmt % -2.5
                if k == 3:
                    return fmt % 1234.5678
                if k == 4:
                    return fmt % "it's"
                if k == 5:
                    return fmt % True
                if k == 6:
                    return fmt % Point(k)
                if k == 7:
                    return fmt % None
                if k == 8:
                    return fmt % [k, 1]
                return fmt % (k, "x")

            def entry_point(argv):
                if argv[1] == "raise":
                    print(one(argv[2], int(argv[3])))
                    return 0
                for fmt in argv[2:]:
                    k = 0
                    while k < 10:
                        try:
                            s = "[" + one(fmt, k) + "]"
                        except TypeError:
                            s = "TypeError"
                        except ValueError:
                            s = "ValueError"
                        except OverflowError:
                            s = "OverflowError"
                        print(s)
                        k += 1
                return 0
            """;

    private record Run(int status, String out, String err) { }

    private Run lowLevel(Path file, List<String> args) throws Exception {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int status = LLStage.run(new HostInterpreter(o, e, InputStream.nullInputStream()), file, args,
                new ExecOptions(true), o, e);
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Run cpython(Path file, List<String> args) throws Exception {
        String wrapper = """
                import sys, importlib.util
                spec = importlib.util.spec_from_file_location("driver", sys.argv[1])
                m = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(m)
                sys.exit(m.entry_point(sys.argv[1:]))
                """;
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), "-c", wrapper, file.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Run(p.waitFor(), out, err);
    }

    private Path driver() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed: run-time formats are not checked");
        return Files.writeString(dir.resolve("driver.py"), DRIVER);
    }

    /** Flags, widths and precisions (also '*'-free), every type char and two unsupported ones, on every type. */
    @Test
    void everyTypeCharWithFlagsWidthsAndPrecisionsGivesCPythonsText() throws Exception {
        Path file = driver();
        List<String> args = new ArrayList<>(List.of("all"));
        for (String flags : List.of("", "-", "0", "+", " ", "#", "-0", "+0", "#0", "- +#")) {
            for (String width : List.of("", "1", "9")) {
                for (String precision : List.of("", ".0", ".3")) {
                    for (char type : "diuxXocsraeEfFgGq".toCharArray()) {
                        args.add("<%" + flags + width + precision + type + ">");
                    }
                }
            }
        }
        args.addAll(List.of("", "%", "%%", "%5", "%.", "%s %s", "%s %%s %s", "%ld|%hd", "%(k)s", "%5%", "a%c"));
        Run expected = cpython(file, args);
        assertThat(expected.status()).as(expected.err()).isZero();
        Run actual = lowLevel(file, args);
        assertThat(actual.status()).as(actual.err()).isZero();
        assertThat(actual.out().lines().toList()).isEqualTo(expected.out().lines().toList());
    }

    /** The messages of the errors, as CPython words them, each raised uncaught in its own run. */
    @Test
    void errorsHaveCPythonsMessages() throws Exception {
        Path file = driver();
        for (List<String> c : List.of(
                List.of("%d", "4"), List.of("%x", "2"), List.of("%o", "6"), List.of("%f", "4"), List.of("%c", "4"),
                List.of("%c", "0"), List.of("%i", "7"), List.of("ab%q", "1"), List.of("%5", "1"), List.of("%s %s", "1"),
                List.of("", "1"), List.of("%(a)s", "1"), List.of("%*d", "9"), List.of("%e", "8"), List.of("%X", "6"))) {
            List<String> args = List.of("raise", c.get(0), c.get(1));
            Run expected = cpython(file, args);
            Run actual = lowLevel(file, args);
            assertThat(actual.status()).as(c + ": " + actual.err()).isEqualTo(1);
            assertThat(lastLine(actual.err())).as(c.toString()).isEqualTo(lastLine(expected.err()));
        }
    }

    private static String lastLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
    }
}
