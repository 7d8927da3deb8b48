package dev.taipan.flowgraph.flow;

/**
 * A flow graph in Graphviz's DOT language, drawn as PyPy's graph viewer draws it: one box per
 * block (input arguments on top, then the operations, then the exitswitch), the return and
 * except blocks as small filled boxes, and one arrow per link labelled with its exit case and
 * the values it passes. Exception links are red.
 */
public final class GraphDot {
    private GraphDot() {}

    public static String render(FunctionGraph g) {
        return "digraph \"" + esc(g.name) + "\" {\n" + body(g, "") + "}\n";
    }

    /** The nodes and edges of one graph, node names prefixed (several graphs in one picture). */
    static String body(FunctionGraph g, String prefix) {
        GraphNames names = new GraphNames(g);
        StringBuilder sb = new StringBuilder();
        sb.append("  graph [fontname=\"monospace\", label=\"").append(esc(g.name)).append(" (")
                .append(esc(g.code.source().name())).append(':').append(g.code.firstLine()).append(")\", labelloc=t];\n");
        sb.append("  node [shape=box, fontname=\"monospace\", fontsize=10];\n");
        sb.append("  edge [fontname=\"monospace\", fontsize=9];\n");
        for (Block b : g.iterblocks()) {
            String id = prefix + names.block(b);
            if (b == g.returnblock || b == g.exceptblock) {
                sb.append("  \"").append(id).append("\" [label=\"").append(names.block(b)).append('(')
                        .append(esc(names.values(b.inputargs))).append(")\", style=filled, fillcolor=\"")
                        .append(b == g.returnblock ? "green" : "red").append("\"];\n");
                continue;
            }
            StringBuilder label = new StringBuilder();
            label.append(esc(names.block(b) + "(" + names.values(b.inputargs) + ")")).append("\\l\\l");
            for (SpaceOperation op : b.operations) {
                label.append(esc(names.op(op))).append("\\l");
            }
            if (b.exitswitch != null) {
                label.append("\\lexitswitch: ").append(esc(names.value(b.exitswitch))).append("\\l");
            }
            sb.append("  \"").append(id).append("\" [label=\"").append(label).append('"')
                    .append(b == g.startblock ? ", penwidth=2" : "").append("];\n");
            for (Link l : b.exits) {
                String c = GraphNames.exitcase(l);
                String label2 = (c.isEmpty() ? "" : c + "\\n") + esc(names.values(l.args));
                sb.append("  \"").append(id).append("\" -> \"").append(prefix).append(names.block(l.target))
                        .append("\" [label=\"").append(label2).append('"')
                        .append(l.isException() ? ", color=red, fontcolor=red" : "").append("];\n");
            }
        }
        return sb.toString();
    }

    static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
