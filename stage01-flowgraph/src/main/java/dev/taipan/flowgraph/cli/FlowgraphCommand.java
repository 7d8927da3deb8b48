package dev.taipan.flowgraph.cli;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphDot;
import dev.taipan.flowgraph.flow.GraphHtml;
import dev.taipan.flowgraph.flow.GraphLabels;
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
import java.util.ServiceLoader;
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
 *
 * <p>{@code --annotated} draws what the annotator (stage 02) made of the same program instead:
 * the graphs it reached from the entry point, specialised copies included, each variable with
 * its type and the blocks it never reached greyed. Stage 01 cannot call stage 02, so the
 * annotations come through the {@link AnnotatedView} service that stage 02's jar provides.
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

    @Option(names = "--function", paramLabel = "NAME", description = "Show only this function's graph (Class.method allowed; with --annotated, each of its specialised copies).")
    String function;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, dot, svg or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--annotated",
            description = "Show the annotator's view: the graphs it reached from the entry point, every variable "
                    + "with its type, the blocks it never reached greyed (needs stage 02).")
    boolean annotated;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of stdout.")
    Path output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (entry != null && function != null && !annotated) {
            throw new TaipanError("--entry and --function exclude each other (except with --annotated)");
        }
        AnnotatedView view = annotated ? annotator() : null;
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
        String picture = host.runInside(() -> render(view == null ? plainGraphs(host, module) : annotatedGraphs(view, host, module)));
        if (output != null) {
            Files.writeString(output, picture);
        } else {
            spec.commandLine().getOut().print(picture);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** The annotator, found through the service stage 02 provides; a clear error without it. */
    private static AnnotatedView annotator() {
        return ServiceLoader.load(AnnotatedView.class).findFirst().orElseThrow(() -> new TaipanError(
                "--annotated needs the annotator (stage 02), which is not on the class path: "
                        + "run the taipan launcher, which uses the highest stage"));
    }

    private String entryName() {
        return entry == null ? "entry_point" : entry;
    }

    /** Stage 01's own graphs: one function's, or those {@link Reachable} from the entry point. */
    private AnnotatedView.Graphs plainGraphs(HostInterpreter host, PyModule module) {
        TranslationContext t = new TranslationContext(host);
        List<FunctionGraph> graphs = function != null ? List.of(t.buildflowgraph(lookup(module, function)))
                : Reachable.from(t, lookup(module, entryName()));
        return new AnnotatedView.Graphs(graphs, GraphLabels.PLAIN);
    }

    /** The annotator's graphs from the entry point; with {@code --function}, that function's copies only. */
    private AnnotatedView.Graphs annotatedGraphs(AnnotatedView view, HostInterpreter host, PyModule module) {
        AnnotatedView.Graphs all = view.annotate(new TranslationContext(host), lookup(module, entryName()));
        if (function == null) {
            return all;
        }
        AnnotatedView.Graphs copies = all.of(lookup(module, function));
        if (copies.graphs().isEmpty()) {
            throw new TaipanError("the annotator never reaches '" + function + "' from " + entryName()
                    + ": it has no annotated graph");
        }
        return copies;
    }

    private String render(AnnotatedView.Graphs shown) {
        List<FunctionGraph> graphs = shown.graphs();
        GraphLabels labels = shown.labels();
        return switch (format) {
            case text -> graphs.stream().map(g -> GraphText.render(g, labels)).collect(Collectors.joining("\n"));
            case dot -> graphs.size() == 1 ? GraphDot.render(graphs.getFirst(), labels)
                    : graphs.stream().map(g -> GraphDot.render(g, labels)).collect(Collectors.joining("\n"));
            case svg -> {
                // one function's graphs in one picture: its graph, or its specialised copies side by side
                if (function == null && graphs.size() > 1) {
                    throw new TaipanError("--format svg draws one function: add --function NAME, or use --format html");
                }
                yield Graphviz.svg(GraphDot.render(graphs, labels));
            }
            case html -> {
                if (!Graphviz.available()) {
                    spec.commandLine().getErr().println("taipan: Graphviz's dot is not installed: the page shows the "
                            + "graphs as text only (apt-get install graphviz)");
                }
                yield GraphHtml.render(file.getFileName().toString(), graphs, Graphviz.available(), labels);
            }
        };
    }

    /** {@code name} or {@code Class.method} in the module. */
    private static PyFunction lookup(PyModule module, String dotted) {
        String[] parts = dotted.split("\\.");
        PyObject o = module.get(parts[0]);
        try {
            for (int i = 1; o != null && i < parts.length; i++) {
                o = HostSpace.getattr(o, PyStr.of(parts[i]));
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
