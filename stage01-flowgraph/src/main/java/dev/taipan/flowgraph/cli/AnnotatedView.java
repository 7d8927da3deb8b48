package dev.taipan.flowgraph.cli;

import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphLabels;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.PyFunction;
import java.util.List;

/**
 * What {@code taipan flowgraph --annotated} asks of the annotator, which lives in stage 02,
 * above this one. Stage 02's jar lists its implementation in
 * {@code META-INF/services/dev.taipan.flowgraph.cli.AnnotatedView} and the command finds it with
 * {@link java.util.ServiceLoader}, as {@link Main} finds each stage's {@link CommandProvider}:
 * the option belongs to the command that draws the pictures, the knowledge to the stage that
 * has it.
 */
public interface AnnotatedView {

    /**
     * Annotates the program from {@code entry} ({@code entry_point} gets {@code argv: list[str]},
     * any other function ints, as {@code taipan annotate} does) and returns every graph the
     * annotator reached, specialised copies included, with the labels that show its results.
     * A program the annotator rejects throws its error (a {@code TaipanError}). Graphs come
     * from {@code translator}, whose host imported the program.
     */
    Graphs annotate(TranslationContext translator, PyFunction entry);

    /** Graphs to draw (here in the annotator's discovery order) and how to label them. */
    record Graphs(List<FunctionGraph> graphs, GraphLabels labels) {
        public Graphs {
            graphs = List.copyOf(graphs);
        }

        /** The graphs of {@code f} alone: its graph, or each of its specialised copies; none if it was never reached. */
        public Graphs of(PyFunction f) {
            return new Graphs(graphs.stream().filter(g -> g.func == f).toList(), labels);
        }
    }
}
