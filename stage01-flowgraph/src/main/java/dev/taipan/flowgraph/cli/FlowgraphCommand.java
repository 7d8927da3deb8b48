package dev.taipan.flowgraph.cli;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphDot;
import dev.taipan.flowgraph.flow.GraphHtml;
import dev.taipan.flowgraph.flow.GraphText;
import dev.taipan.flowgraph.flow.Graphviz;
import dev.taipan.flowgraph.flow.Reachable;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.HostSpace;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code taipan flowgraph FILE}: import FILE with the host interpreter and picture the flow
 * graphs of its entry point and of every function reachable from it ({@code --entry NAME}
 * starts elsewhere), or of one function ({@code --function NAME}, {@code Class.method} allowed),
 * as text, DOT, SVG (through Graphviz) or one HTML page.
 */
@Command(name = "flowgraph", mixinStandardHelpOptions = true,
        description = "Build the flow graphs of a program's functions and show them as text, dot, svg or html.")
final class FlowgraphCommand implements Callable<Integer> {

    enum Format { text, dot, svg, html }

    @Parameters(paramLabel = "FILE", description = "The RPy program.")
    Path file;

    @Option(names = "--entry", paramLabel = "NAME",
            description = "Start from this function and show every graph reachable from it (default: entry_point).")
    String entry;

    @Option(names = "--function", paramLabel = "NAME", description = "Show only this function's graph (Class.method allowed).")
    String function;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, dot, svg or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of stdout.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (entry != null && function != null) {
            throw new TaipanError("--entry and --function exclude each other");
        }
        if (!Files.isRegularFile(file)) {
            throw new TaipanError("cannot read " + file + ": no such file");
        }
        // import-time output of the program goes to stderr, so that stdout is only the picture
        var err = new PrintStream(new WriterOutputStream(spec.commandLine().getErr()), true, StandardCharsets.UTF_8);
        HostInterpreter host = new HostInterpreter(err, err, new ByteArrayInputStream(new byte[0]));
        PyModule module;
        try {
            module = host.importFile(file);
        } catch (PyException e) {
            throw new TaipanError("importing " + file + " failed:\n" + host.formatException(e));
        }
        String picture = host.runInside(() -> render(module));
        if (output != null) {
            Files.writeString(output, picture);
        } else {
            spec.commandLine().getOut().print(picture);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    private String render(PyModule module) {
        TranslationContext t = new TranslationContext();
        List<FunctionGraph> graphs;
        if (function != null) {
            graphs = List.of(t.buildflowgraph(lookup(module, function)));
        } else {
            graphs = Reachable.from(t, lookup(module, entry == null ? "entry_point" : entry));
        }
        return switch (format) {
            case text -> graphs.stream().map(GraphText::render).collect(Collectors.joining("\n"));
            case dot -> graphs.size() == 1 ? GraphDot.render(graphs.getFirst())
                    : graphs.stream().map(GraphDot::render).collect(Collectors.joining("\n"));
            case svg -> {
                if (graphs.size() > 1) {
                    throw new TaipanError("--format svg draws one graph: add --function NAME, or use --format html");
                }
                yield Graphviz.svg(GraphDot.render(graphs.getFirst()));
            }
            case html -> {
                if (!Graphviz.available()) {
                    spec.commandLine().getErr().println("taipan: Graphviz's dot is not installed: the page shows the "
                            + "graphs as text only (apt-get install graphviz)");
                }
                yield GraphHtml.render(file.getFileName().toString(), graphs, Graphviz.available());
            }
        };
    }

    /** {@code name} or {@code Class.method} in the module. */
    private static PyFunction lookup(PyModule module, String dotted) {
        String[] parts = dotted.split("\\.");
        PyObject o = module.get(parts[0]);
        try {
            for (int i = 1; o != null && i < parts.length; i++) {
                o = HostSpace.apply("getattr", o, PyStr.of(parts[i]));
            }
        } catch (PyException e) {
            o = null;
        }
        if (o instanceof dev.taipan.flowgraph.host.PyMethod m) {
            o = m.function();
        }
        if (!(o instanceof PyFunction f)) {
            throw new TaipanError(module.name() + " has no function '" + dotted + "'"
                    + (o == null ? "" : " (it is a " + o.type().name() + ")"));
        }
        return f;
    }
}
