package dev.taipan.flowgraph.flow;

import java.util.List;

/**
 * A flow graph in Graphviz's DOT language, drawn as PyPy's graph viewer draws it: one box per
 * block (input arguments on top, then the operations, then the exitswitch), the return and
 * except blocks as small filled boxes, and one arrow per link labelled with its exit case and
 * the values it passes. Exception links are red. With the annotator's {@link GraphLabels},
 * definitions carry their types and the blocks it never reached are grey, as are the links
 * into and out of them (never taken).
 */
public final class GraphDot {
    private GraphDot() {}

    public static String render(FunctionGraph g) {
        return render(g, GraphLabels.PLAIN);
    }

    public static String render(FunctionGraph g, GraphLabels labels) {
        return "digraph \"" + esc(labels.title(g)) + "\" {\n" + body(g, "", labels) + "}\n";
    }

    /**
     * Several graphs in one picture, each in its own frame (a Graphviz cluster): the specialised
     * copies of one function, side by side. One graph is drawn as {@link #render(FunctionGraph, GraphLabels)} draws it.
     */
    public static String render(List<FunctionGraph> graphs, GraphLabels labels) {
        if (graphs.size() == 1) {
            return render(graphs.getFirst(), labels);
        }
        StringBuilder sb = new StringBuilder("digraph \"").append(esc(graphs.getFirst().name)).append("\" {\n");
        for (int i = 0; i < graphs.size(); i++) {
            sb.append("subgraph \"cluster_").append(i).append("\" {\n")
                    .append(body(graphs.get(i), "g" + i + ".", labels)).append("}\n");
        }
        return sb.append("}\n").toString();
    }

    /** The nodes and edges of one graph, node names prefixed (several graphs in one picture). */
    private static String body(FunctionGraph g, String prefix, GraphLabels labels) {
        GraphNames names = new GraphNames(g, labels);
        StringBuilder sb = new StringBuilder();
        sb.append("  graph [fontname=\"monospace\", label=\"").append(esc(names.title() + names.returns())).append(" (")
                .append(esc(g.code.source().name())).append(':').append(g.code.firstLine()).append(")\", labelloc=t];\n");
        sb.append("  node [shape=box, fontname=\"monospace\", fontsize=10];\n");
        sb.append("  edge [fontname=\"monospace\", fontsize=9];\n");
        for (Block b : g.iterblocks()) {
            String id = prefix + names.block(b);
            if (b == g.returnblock || b == g.exceptblock) {
                sb.append("  \"").append(id).append("\" [label=\"").append(esc(names.header(b))).append('"')
                        .append(!names.reached(b) ? NEVER_REACHED
                                : ", style=filled, fillcolor=\"" + (b == g.returnblock ? "green" : "red") + '"')
                        .append("];\n");
                continue;
            }
            StringBuilder label = new StringBuilder();
            label.append(esc(names.header(b))).append(names.reached(b) ? "" : "   never reached").append("\\l\\l");
            for (SpaceOperation op : b.operations) {
                label.append(esc(names.op(b, op))).append("\\l");
            }
            if (b.exitswitch != null) {
                label.append("\\lexitswitch: ").append(esc(names.value(b.exitswitch))).append("\\l");
            }
            sb.append("  \"").append(id).append("\" [label=\"").append(label).append('"')
                    .append(b == g.startblock ? ", penwidth=2" : "")
                    .append(names.reached(b) ? "" : NEVER_REACHED).append("];\n");
            for (Link l : b.exits) {
                String c = GraphNames.exitcase(l);
                String label2 = (c.isEmpty() ? "" : c + "\\n") + esc(names.values(l.args));
                sb.append("  \"").append(id).append("\" -> \"").append(prefix).append(names.block(l.target))
                        .append("\" [label=\"").append(label2).append('"')
                        .append(!names.reached(b) || !names.reached(l.target) ? NEVER_TAKEN
                                : l.isException() ? ", color=red, fontcolor=red" : "").append("];\n");
            }
        }
        return sb.toString();
    }

    private static final String NEVER_REACHED = ", style=filled, fillcolor=\"#eeeeee\", color=\"#aaaaaa\", fontcolor=\"#888888\"";
    private static final String NEVER_TAKEN = ", style=dashed, color=\"#aaaaaa\", fontcolor=\"#888888\"";

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
