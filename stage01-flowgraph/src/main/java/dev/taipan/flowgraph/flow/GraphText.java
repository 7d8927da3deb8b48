package dev.taipan.flowgraph.flow;

/**
 * A flow graph as text, in the spirit of PyPy's graph dumps: one paragraph per block with its
 * input arguments, its operations (and the source line of each), its exitswitch and its exits.
 *
 * <pre>
 * graph fib(n_0)   [fib.py:4]
 * block0(n_0):
 *     v1 = lt(n_0, 2)                        # line 5
 *     v2 = bool(v1)                          # line 5
 *     exitswitch: v2
 *     False -&gt; block1(n_0)
 *     True -&gt; return(n_0)
 * </pre>
 *
 * With the annotator's {@link GraphLabels} ({@code taipan flowgraph --annotated}) the header
 * reads {@code graph fib(n_0: int) -> int}, every definition carries its type
 * ({@code v1: bool = lt(n_0, 2)}), and a block the annotator never reached says so.
 */
public final class GraphText {
    private GraphText() {}

    public static String render(FunctionGraph g) {
        return render(g, GraphLabels.PLAIN);
    }

    public static String render(FunctionGraph g, GraphLabels labels) {
        GraphNames names = new GraphNames(g, labels);
        StringBuilder sb = new StringBuilder();
        sb.append("graph ").append(names.title()).append('(').append(names.inputargs(g.startblock)).append(')')
                .append(names.returns()).append("   [")
                .append(g.code.source().name()).append(':').append(g.code.firstLine()).append("]\n");
        for (Block b : g.iterblocks()) {
            if (b == g.returnblock || b == g.exceptblock) {
                continue;
            }
            line(sb, names.header(b) + ":", names.reached(b) ? null : "never reached");
            for (SpaceOperation op : b.operations) {
                line(sb, "    " + names.op(b, op), "line " + op.line());
            }
            if (b.exitswitch != null) {
                sb.append("    exitswitch: ").append(names.value(b.exitswitch)).append('\n');
            }
            for (Link l : b.exits) {
                String c = GraphNames.exitcase(l);
                sb.append("    ").append(c.isEmpty() ? "" : c + " ").append("-> ").append(names.link(l)).append('\n');
            }
        }
        return sb.toString();
    }

    /** {@code text}, then {@code # comment} in the comment column (none when null). */
    private static void line(StringBuilder sb, String text, String comment) {
        sb.append(text);
        if (comment != null) {
            sb.append(" ".repeat(Math.max(1, 44 - text.length()))).append("# ").append(comment);
        }
        sb.append('\n');
    }
}
