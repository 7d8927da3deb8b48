package dev.taipan.flowgraph.flow;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stable names for one picture of one graph: blocks {@code block0, block1...} in depth-first
 * order (the return and except blocks are {@code return} and {@code except}), variables
 * numbered from 0 in order of appearance with their local's name kept ({@code n_0},
 * {@code v1}). Pictures of the same graph are thus the same text every time. Where a variable
 * is defined (a block's input arguments, an operation's result) the {@link GraphLabels} may add
 * its annotation.
 */
final class GraphNames {
    private final FunctionGraph graph;
    private final GraphLabels labels;
    private final Map<Block, String> blocks = new IdentityHashMap<>();
    private final Map<Variable, String> vars = new IdentityHashMap<>();

    GraphNames(FunctionGraph graph, GraphLabels labels) {
        this.graph = graph;
        this.labels = labels;
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

    /** A variable where {@code b} defines it: its name, and its annotation if {@code b} was reached. */
    String defined(Block b, Variable v) {
        String note = labels.reached(b) ? labels.annotation(v) : null;
        return note == null ? value(v) : value(v) + ": " + note;
    }

    /** {@code b}'s input arguments, each with its annotation. */
    String inputargs(Block b) {
        StringBuilder sb = new StringBuilder();
        for (Variable v : b.inputargs) {
            if (!sb.isEmpty()) {
                sb.append(", ");
            }
            sb.append(defined(b, v));
        }
        return sb.toString();
    }

    /** An operation of {@code b}, its result annotated: {@code v3: int = add(n_0, v2)}. */
    String op(Block b, SpaceOperation op) {
        return defined(b, op.result()) + " = " + op.opname() + "(" + values(op.args()) + ")";
    }

    /** {@code b}'s name with its input arguments: {@code block1(a_3: int, b_4: int)}. */
    String header(Block b) {
        return block(b) + "(" + inputargs(b) + ")";
    }

    boolean reached(Block b) {
        return labels.reached(b);
    }

    String title() {
        return labels.title(graph);
    }

    /** {@code  -> int}: the annotation of the returned value, when it is known; "" otherwise. */
    String returns() {
        Variable result = graph.returnblock.inputargs.getFirst();
        String note = labels.reached(graph.returnblock) ? labels.annotation(result) : null;
        return note == null ? "" : " -> " + note;
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
