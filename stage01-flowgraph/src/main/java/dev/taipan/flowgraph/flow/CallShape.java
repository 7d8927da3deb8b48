package dev.taipan.flowgraph.flow;

import java.util.List;

/**
 * The shape of a call with keywords, {@code call_args}'s first argument (PyPy's
 * {@code (shape_cnt, shape_keys, shape_star)} without the star): how many of the arguments
 * that follow are positional, then the keyword names of the rest, in order.
 */
public record CallShape(int positional, List<String> keywords) {
    @Override
    public String toString() {
        return "(" + positional + ", " + keywords + ")";
    }
}
