package dev.taipan.flowgraph.host.lib;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.syntax.PyRepr;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The oracle of the differential tests: one CPython 3.11 process evaluates a batch of Python
 * expressions, one per line, and answers one line each, the {@code ascii()} of the value or
 * {@code !ExceptionType: 'message'} (ascii rather than repr, so that characters assigned after
 * CPython's Unicode 14 do not print differently). {@link #outcome} gives the same text for a Java computation,
 * so the two sides compare as strings and a mismatch prints the expression that caused it.
 */
final class CPython {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private static final String SCRIPT = """
            import sys
            sys.stdin.reconfigure(encoding='utf-8', errors='surrogatepass')
            sys.stdout.reconfigure(encoding='utf-8', errors='surrogatepass')
            out = []
            for line in sys.stdin:
                try:
                    r = ascii(eval(line))
                except Exception as e:
                    r = '!' + type(e).__name__ + ': ' + ascii(str(e))
                out.append(r)
            sys.stdout.write('\\n'.join(out) + '\\n')
            """;

    private CPython() {}

    /** Skips the calling test unless /usr/bin/python3 is CPython 3.11. */
    static void assumePresent() {
        assumeTrue(Files.isExecutable(PYTHON), "CPython not found at " + PYTHON + ": differential test skipped");
        List<String> version = eval(List.of("sys.version_info[:2]"));
        assumeTrue(version.equals(List.of("(3, 11)")), "/usr/bin/python3 is not 3.11 " + version + ": differential test skipped");
    }

    /** Evaluates each expression in one CPython process; the answers in order. */
    static List<String> eval(List<String> expressions) {
        return run(SCRIPT, expressions);
    }

    /** Runs a Python script with these lines on stdin; its output lines (as many as inputs). */
    static List<String> run(String script, List<String> expressions) {
        try {
            Process p = new ProcessBuilder(PYTHON.toString(), "-c", script).redirectErrorStream(false).start();
            Thread writer = Thread.ofPlatform().start(() -> {
                try (var out = p.getOutputStream()) {
                    out.write((String.join("\n", expressions) + "\n").getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            writer.join();
            if (p.waitFor() != 0) {
                throw new IllegalStateException("python3 failed: " + err);
            }
            List<String> lines = List.of(text.split("\n", -1)).subList(0, expressions.size());
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The line CPython would print for this Java computation. */
    static String outcome(Supplier<Object> computation) {
        try {
            return PercentFormat.ascii(repr(computation.get()));
        } catch (PyLibError e) {
            return "!" + e.pythonType() + ": " + PercentFormat.ascii(PyRepr.str(e.getMessage()));
        }
    }

    /** Python's repr of a result: str, bool, int, float, list of results, tuple for arrays. */
    static String repr(Object v) {
        return switch (v) {
            case String s -> PyRepr.str(s);
            case Boolean b -> b ? "True" : "False";
            case Integer i -> i.toString();
            case Long l -> l.toString();
            case BigInteger b -> b.toString();
            case Double d -> PyRepr.floatRepr(d);
            case List<?> l -> "[" + String.join(", ", l.stream().map(CPython::repr).toList()) + "]";
            case Object[] a -> "(" + String.join(", ", Arrays.stream(a).map(CPython::repr).toList()) + ")";
            default -> throw new IllegalArgumentException(String.valueOf(v));
        };
    }

    /** A Python string literal. */
    static String lit(String s) {
        return PyRepr.str(s);
    }

    /** One differential case: the Python expression and the Java computation that should agree. */
    record Case(String python, Supplier<Object> java) {}

    /** Runs the cases on both sides; returns the mismatches as "expr: python != java". */
    static List<String> mismatches(List<Case> cases) {
        List<String> expected = eval(cases.stream().map(Case::python).toList());
        List<String> bad = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String actual = outcome(cases.get(i).java());
            if (!actual.equals(expected.get(i))) {
                bad.add(cases.get(i).python() + "  python: " + expected.get(i) + "  java: " + actual);
            }
        }
        return bad;
    }
}
