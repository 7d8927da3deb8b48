package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphDot;
import dev.taipan.flowgraph.flow.GraphHtml;
import dev.taipan.flowgraph.flow.GraphLabels;
import dev.taipan.flowgraph.flow.GraphText;
import dev.taipan.flowgraph.flow.Graphviz;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.transform.OptLevel;
import dev.taipan.rtyper.transform.Pipeline;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code taipan rtype FILE}: the low-level graphs of a program, each variable with its
 * low-level type ({@code n_0: Signed}), drawn by stage 01's renderers. From {@code entry_point}
 * (called with {@code argv: list[str]}), or, with {@code --function F}, from F called with ints,
 * as {@code taipan annotate --entry F} types it. With {@code --opt=LEVEL} or {@code --after=PASS},
 * the graphs as the passes between the rtyper and a backend leave them.
 */
@Command(name = "rtype", mixinStandardHelpOptions = true,
        description = "Show the low-level graphs the rtyper makes of a program, every variable with its low-level type.")
public final class RtypeCommand implements Callable<Integer> {

    enum Format { text, dot, svg, html }

    @Parameters(paramLabel = "FILE", description = "The RPy program.")
    Path file;

    @Option(names = "--function", paramLabel = "NAME",
            description = "Start from this function, called with ints, and show the graphs it reaches (default: entry_point).")
    String function;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text, dot, svg or html (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--opt", paramLabel = "LEVEL",
            description = "Run the graph passes of this level first: none (the rtyper's graphs, the default), 0, 1 or 2.")
    String opt;

    @Option(names = "--after", paramLabel = "PASS",
            description = "Show the graphs after this pass of the level (--opt=2 unless given): "
                    + "inline, malloc-removal, sccp, constfold, exceptiontransform.")
    String after;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT", description = "Write to this file instead of stdout.")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<LowLevelGraph> graphs = after == null && opt == null ? rtype(file, function) : transformed();
        List<FunctionGraph> shown = graphs.stream().map(LowLevelGraph::graph).toList();
        GraphLabels labels = new Labels(graphs);
        String picture = switch (format) {
            case text -> text(graphs);
            case dot -> GraphDot.render(shown, labels);
            case svg -> Graphviz.svg(GraphDot.render(shown, labels));
            case html -> GraphHtml.render(file.getFileName().toString(), shown, Graphviz.available(), labels);
        };
        if (output != null) {
            Files.writeString(output, picture);
        } else {
            spec.commandLine().getOut().print(picture);
            spec.commandLine().getOut().flush();
        }
        return 0;
    }

    /** The graphs after the passes of {@code --opt}, or up to {@code --after}: the same graphs, rewritten in place or replaced. */
    private List<LowLevelGraph> transformed() {
        RTyper rtyper = rtyper(file, function);
        LowLevelProgram program = rtyper.program(rtyper.graphs().getFirst());
        Pipeline passes = Pipeline.of(OptLevel.parse(opt, after == null ? OptLevel.NONE : LLStage.DEFAULT_OPT));
        return (after == null ? passes.run(program) : passes.runThrough(program, after)).graphs();
    }

    /** The graphs as text, each variable with its low-level type: what {@code taipan rtype} prints. */
    public static String text(List<LowLevelGraph> graphs) {
        GraphLabels labels = new Labels(graphs);
        return graphs.stream().map(g -> GraphText.render(g.graph(), labels)).collect(Collectors.joining("\n"));
    }

    /** The low-level graphs of FILE from {@code function} (null: {@code entry_point}); errors as {@link TaipanError}s. */
    public static List<LowLevelGraph> rtype(Path file, String function) {
        return rtyper(file, function).graphs();
    }

    /** The rtyper that has specialised FILE from {@code function}: its graphs, its classes, its {@link RTyper#program}. */
    public static RTyper rtyper(Path file, String function) {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        LLTypeModule.install(host);   // a program may import the low level itself
        Annotator ann = AnnotateCommand.annotateFile(host, file, function == null ? "entry_point" : function, function == null);
        return ann.translator().host().runInside(() -> {
            RTyper rtyper = new RTyper(ann);
            rtyper.specialize();
            return rtyper;
        });
    }

    /** Each variable with its low-level type, each graph under its low-level name (also {@code taipan view}'s). */
    public record Labels(List<LowLevelGraph> graphs) implements GraphLabels {
        @Override
        public String title(FunctionGraph g) {
            return g.name;
        }

        @Override
        public String annotation(Variable v) {
            for (LowLevelGraph g : graphs) {
                if (g.hasType(v)) {
                    return g.typeOf(v).toString();
                }
            }
            return null;
        }
    }
}
