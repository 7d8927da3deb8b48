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
 */
public final class GraphText {
    private GraphText() {}

    public static String render(FunctionGraph g) {
        GraphNames names = new GraphNames(g);
        StringBuilder sb = new StringBuilder();
        sb.append("graph ").append(g.name).append('(').append(names.values(g.startblock.inputargs)).append(")   [")
                .append(g.code.source().name()).append(':').append(g.code.firstLine()).append("]\n");
        for (Block b : g.iterblocks()) {
            if (b == g.returnblock || b == g.exceptblock) {
                continue;
            }
            sb.append(names.block(b)).append('(').append(names.values(b.inputargs)).append("):\n");
            for (SpaceOperation op : b.operations) {
                String text = "    " + names.op(op);
                sb.append(text).append(" ".repeat(Math.max(1, 44 - text.length()))).append("# line ").append(op.line()).append('\n');
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
}
