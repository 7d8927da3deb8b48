package dev.taipan.flowgraph.flow;

import java.util.List;

/**
 * The shape of a call with keywords or a star argument, {@code call_args}'s first argument
 * (PyPy's {@code (shape_cnt, shape_keys, shape_star)}): how many of the arguments that follow
 * are positional, then the keyword names of the rest, in order; with {@code star}, one last
 * argument whose items (a tuple's) follow the positional ones, as in {@code f(a, *rest)}.
 */
public record CallShape(int positional, List<String> keywords, boolean star) {
    public CallShape(int positional, List<String> keywords) {
        this(positional, keywords, false);
    }

    @Override
    public String toString() {
        return "(" + positional + ", " + keywords + (star ? ", *" : "") + ")";
    }
}
