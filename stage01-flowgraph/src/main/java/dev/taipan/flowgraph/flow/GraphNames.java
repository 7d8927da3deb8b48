package dev.taipan.flowgraph.flow;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stable names for one picture of one graph: blocks {@code block0, block1...} in depth-first
 * order (the return and except blocks are {@code return} and {@code except}), variables
 * numbered from 0 in order of appearance with their local's name kept ({@code n_0},
 * {@code v1}). Pictures of the same graph are thus the same text every time.
 */
final class GraphNames {
    private final FunctionGraph graph;
    private final Map<Block, String> blocks = new IdentityHashMap<>();
    private final Map<Variable, String> vars = new IdentityHashMap<>();

    GraphNames(FunctionGraph graph) {
        this.graph = graph;
        List<Block> order = graph.iterblocks();
        int n = 0;
        for (Block b : order) {
            if (b == graph.returnblock) {
                blocks.put(b, "return");
            } else if (b == graph.exceptblock) {
                blocks.put(b, "except");
            } else {
                blocks.put(b, "block" + n++);
            }
        }
        blocks.putIfAbsent(graph.returnblock, "return");
        blocks.putIfAbsent(graph.exceptblock, "except");
    }

    String block(Block b) {
        return blocks.get(b);
    }

    String value(Value v) {
        return switch (v) {
            case Variable var -> vars.computeIfAbsent(var, k -> k.prefix() + vars.size());
            case Constant c -> c.toString();
        };
    }

    String values(List<? extends Value> vs) {
        StringBuilder sb = new StringBuilder();
        for (Value v : vs) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(value(v));
        }
        return sb.toString();
    }

    String op(SpaceOperation op) {
        return value(op.result()) + " = " + op.opname() + "(" + values(op.args()) + ")";
    }

    /** The exit case as Python would write it: {@code False}, {@code True}, a class name; "" for none. */
    static String exitcase(Link l) {
        if (l.exitcase == null) {
            return "";
        }
        if (l.exitcase instanceof dev.taipan.flowgraph.host.PyType t) {
            return t.name();
        }
        return Constant.of(l.exitcase).toString();
    }

    String link(Link l) {
        String extra = l.isException() ? "  [" + value(l.lastException) + ", " + value(l.lastExcValue) + "]" : "";
        return block(l.target) + "(" + values(l.args) + ")" + extra;
    }

    FunctionGraph graph() {
        return graph;
    }
}
