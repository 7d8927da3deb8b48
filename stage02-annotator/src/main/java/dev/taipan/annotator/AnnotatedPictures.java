package dev.taipan.annotator;

import dev.taipan.flowgraph.cli.AnnotatedView;
import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphLabels;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyFunction;

/**
 * The annotator's results in stage 01's pictures: {@code taipan flowgraph --annotated}. Stage
 * 01's flowgraph command finds this class through {@link java.util.ServiceLoader} (it is listed
 * in {@code META-INF/services/dev.taipan.flowgraph.cli.AnnotatedView}), annotates from the entry
 * point exactly as {@code taipan annotate} does, and draws the graphs the annotator reached with
 * {@link Labels}: the same pictures, now speaking of types.
 */
public final class AnnotatedPictures implements AnnotatedView {

    @Override
    public Graphs annotate(TranslationContext translator, PyFunction entry) {
        Annotator ann = AnnotateCommand.annotateFrom(translator, entry, entry.name().equals("entry_point"));
        return new Graphs(ann.graphs(), new Labels(ann));
    }

    /**
     * A finished annotator read as picture labels: each variable's annotation as a Python type
     * hint, as {@code taipan annotate} prints it ({@code int}, {@code list[str]},
     * {@code Node | None}; {@code Never} for a value that never exists, like the result of a call
     * that always raises), the blocks no flow entered, and specialised copies named by their key.
     */
    public record Labels(Annotator annotator) implements GraphLabels {
        @Override
        public String title(FunctionGraph g) {
            return annotator.displayName(g);
        }

        @Override
        public String annotation(Variable v) {
            return Describe.pyType(annotator.binding(v).withoutConst());
        }

        @Override
        public boolean reached(Block b) {
            return annotator.reached(b);
        }
    }
}
