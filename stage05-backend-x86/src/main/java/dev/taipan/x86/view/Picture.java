package dev.taipan.x86.view;

import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphDot;
import dev.taipan.flowgraph.flow.GraphLabels;
import dev.taipan.flowgraph.flow.GraphText;
import dev.taipan.flowgraph.flow.Graphviz;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Graphs as a page shows them: drawn by stage 01's {@link GraphDot} and Graphviz as inline SVG
 * (null where {@code dot} is not installed), and always as PyPy-style text ({@link GraphText}),
 * with the labels of the stage that made them (types from the annotator or the rtyper).
 */
record Picture(String svg, String text) {

    static Picture of(List<FunctionGraph> graphs, GraphLabels labels) {
        String text = graphs.stream().map(g -> GraphText.render(g, labels)).collect(Collectors.joining("\n"));
        if (!Graphviz.available()) {
            return new Picture(null, text);
        }
        String svg = Graphviz.svg(GraphDot.render(graphs, labels));
        return new Picture(svg.substring(Math.max(0, svg.indexOf("<svg"))), text);   // no XML prologue inside HTML
    }

    /** The same picture with the file's full path, which graph titles carry, shortened to its name. */
    Picture naming(String path, String name) {
        return new Picture(svg == null ? null : svg.replace(path, name), text.replace(path, name));
    }
}
