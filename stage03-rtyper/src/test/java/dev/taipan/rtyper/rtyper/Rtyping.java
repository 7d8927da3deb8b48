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
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * For the contract tests of stage 03's exercises: a program rtyped from one function called
 * with ints, run in the llinterp on the checked heap, and compared with the host interpreter
 * running the same function (result, output, and the last line of an uncaught exception).
 * Each run makes a new {@link RTyper}, which chooses the exercised components afresh.
 */
public final class Rtyping {
    private Rtyping() { }

    /** What a call gave: its result (a Long, Double, Boolean; null after an exception), its output, its error line. */
    public record Outcome(Object result, String output, String error) { }

    /** The program {@code source} written to {@code dir}, then rtyped from {@code function}. */
    public static RTyper rtyper(Path dir, String source, String function) throws IOException {
        return RtypeCommand.rtyper(Files.writeString(dir.resolve("prog.py"), source), function);
    }

    /** Asserts that {@code function(args)} computes, prints and raises the same on the host and in the llinterp. */
    public static void assertRunsAsOnTheHost(Path dir, String source, String function, long... args) throws IOException {
        Outcome expected = host(dir, source, function, args);
        Outcome actual = lowLevel(dir, source, function, args);
        assertThat(actual).as(function + Arrays.toString(args) + " in the llinterp, against the host").isEqualTo(expected);
    }

    /** {@code function(args)} on the host interpreter. */
    public static Outcome host(Path dir, String source, String function, long... args) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HostInterpreter host = new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream()), new ByteArrayInputStream(new byte[0]));
        PyFunction f = (PyFunction) host.importFile(Files.writeString(dir.resolve("prog.py"), source)).get(function);
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
            return new Outcome(null, out.toString(StandardCharsets.UTF_8), lastLine(host.formatException(e)));
        }
    }

    /** {@code function(args)} rtyped and run in the llinterp, on the checked heap. */
    public static Outcome lowLevel(Path dir, String source, String function, long... args) throws IOException {
        RTyper rtyper = rtyper(dir, source, function);
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
