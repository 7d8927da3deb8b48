package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;

/**
 * Test support: a program imported by a fresh host interpreter, whose functions can be flowed
 * (simplified or raw) and run through the graph interpreter. Every graph handed out has passed
 * {@link CheckGraph#checkgraph}.
 */
final class Flowing {
    final HostInterpreter host;
    final PyModule module;
    final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Flowing(Path dir, String source) {
        try {
            Path file = Files.writeString(dir.resolve("prog.py"), source);
            host = new HostInterpreter(new PrintStream(out, true, StandardCharsets.UTF_8), System.err,
                    new ByteArrayInputStream(new byte[0]));
            module = host.importFile(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    <T> T inside(Function<TranslationContext, T> body, boolean simplify) {
        return host.runInside(() -> body.apply(new TranslationContext(host, simplify)));
    }

    PyFunction function(String name) {
        return (PyFunction) module.get(name);
    }

    /** The simplified graph of {@code name}, checked. */
    FunctionGraph graph(String name) {
        return checked(inside(t -> t.buildflowgraph(function(name)), true));
    }

    /** The graph exactly as the flow space built it, checked. */
    FunctionGraph rawGraph(String name) {
        return checked(inside(t -> t.buildflowgraph(function(name)), false));
    }

    static FunctionGraph checked(FunctionGraph g) {
        CheckGraph.checkgraph(g);
        return g;
    }

    /** Calls {@code name} through flow graphs. */
    PyObject run(String name, PyObject... args) {
        return inside(t -> new GraphInterpreter(t).call(function(name), args, null), true);
    }

    /** Calls {@code name} on the host interpreter, for comparison. */
    PyObject host(String name, PyObject... args) {
        return host.call(function(name), List.of(args));
    }

    String output() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
