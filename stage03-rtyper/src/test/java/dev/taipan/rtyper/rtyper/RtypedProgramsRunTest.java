package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llinterp.LLException;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.memory.Heap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rtyper's graphs run in the llinterp and compute what the host interpreter computes: the
 * same result, the same output, the same uncaught exception, for every argument tried. Each
 * program is rtyped from one function called with ints (as {@code taipan rtype --function}),
 * and runs on the checked heap, so a bad load or store fails the test too.
 */
class RtypedProgramsRunTest {
    @TempDir
    Path dir;

    /** Python's floor division, modulo and true division, on every sign. */
    private static final String DIVISIONS = """
            def divisions(a, b):
                if b == 0:
                    return 0
                return a // b * 1000 + a % b + int(a / b) + abs(a) * 7 + int(abs(a / b) * 3)
            """;

    private static final String EXCEPTIONS = """
            from rpython.rlib.rarithmetic import ovfcheck


            class TooBig(Exception):
                def __init__(self, value):
                    self.value = value


            def check(n):
                if n > 100:
                    raise TooBig(n)
                return n * 2


            def safe_div(a, b):
                try:
                    return a // b
                except ZeroDivisionError:
                    return -1


            def grow(n):
                try:
                    return ovfcheck(n * n * n * n * n * n * n)
                except OverflowError:
                    return -2


            def handle(n):
                try:
                    r = check(n)
                except TooBig as e:
                    r = e.value + 1
                return r + safe_div(n, n % 4) + grow(n)


            def boom(n):
                if n > 2:
                    raise ValueError("out of range")
                return check(n * 50)
            """;

    @Test
    void numbersComputeWhatTheHostComputes() throws Exception {
        for (long n : new long[] {1, 7, 27, 97, 1000}) {
            same(RTyperTest.NUMBERS, "collatz", n, 1000);   // the low-level graph takes its default explicitly
        }
        for (long a : new long[] {-17, -7, 0, 7, 17, 1001}) {
            for (long b : new long[] {-5, -2, 3, 4, 0}) {
                same(DIVISIONS, "divisions", a, b);
            }
        }
    }

    /** The example of the chapter: a class hierarchy through its vtable, isinstance, ovfcheck. */
    @Test
    void classesFieldsAndMethodsThroughTheVtableComputeWhatTheHostComputes() throws Exception {
        String shapes = Files.readString(Path.of("examples/shapes.py"));
        for (long n : new long[] {0, 1, 5, 12, 40}) {
            same(shapes, "total", n);
        }
    }

    @Test
    void exceptionsRaisedAndCaughtAcrossCallsComputeWhatTheHostComputes() throws Exception {
        for (long n : new long[] {1, 4, 6, 99, 101, 20000}) {
            same(EXCEPTIONS, "handle", n);
        }
    }

    @Test
    void anUncaughtExceptionEndsAsOnTheHost() throws Exception {
        Outcome host = host(EXCEPTIONS, "boom", 3);
        Outcome low = lowLevel(EXCEPTIONS, "boom", 3);
        assertThat(host.error()).isEqualTo("ValueError: out of range");
        assertThat(low.error()).isEqualTo(host.error());
    }

    private record Outcome(Object result, String output, String error) { }

    private void same(String source, String function, long... args) throws Exception {
        Outcome expected = host(source, function, args);
        Outcome actual = lowLevel(source, function, args);
        assertThat(actual).as(function + java.util.Arrays.toString(args)).isEqualTo(expected);
    }

    private Path file(String source) throws Exception {
        return Files.writeString(dir.resolve("prog.py"), source);
    }

    private Outcome host(String source, String function, long... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostInterpreter host = new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), new ByteArrayInputStream(new byte[0]));
        PyFunction f = (PyFunction) host.importFile(file(source)).get(function);
        List<PyObject> pyArgs = new ArrayList<>();
        for (long a : args) {
            pyArgs.add(PyInt.of(a));
        }
        try {
            PyObject r = host.call(f, pyArgs);
            return new Outcome(switch (r) {
                case PyBool b -> b == PyBool.TRUE;
                case PyInt i -> i.longValue();
                case PyFloat x -> x.value();
                default -> r.toString();
            }, out.toString(StandardCharsets.UTF_8), null);
        } catch (PyException e) {
            String tb = host.formatException(e);
            return new Outcome(null, out.toString(StandardCharsets.UTF_8), lastLine(tb));
        }
    }

    private Outcome lowLevel(String source, String function, long... args) throws Exception {
        RTyper rtyper = RtypeCommand.rtyper(file(source), function);
        LowLevelGraph entry = rtyper.graphs().stream().filter(g -> g.name().equals(function)).findFirst().orElseThrow();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Heap heap = Heap.checked()) {
            LLInterpreter interp = new LLInterpreter(rtyper.program(entry), heap,
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            Object[] llArgs = new Object[args.length];
            for (int i = 0; i < args.length; i++) {
                llArgs[i] = args[i];
            }
            try {
                return new Outcome(interp.call(entry, llArgs), out.toString(StandardCharsets.UTF_8), null);
            } catch (LLException e) {
                return new Outcome(null, out.toString(StandardCharsets.UTF_8), lastLine(interp.report(e)));
            }
        }
    }

    private static String lastLine(String text) {
        return text.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
    }
}
