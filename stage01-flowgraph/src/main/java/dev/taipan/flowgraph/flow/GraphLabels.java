package dev.taipan.flowgraph.flow;

/**
 * What a later stage knows about a graph, for the pictures ({@link GraphText}, {@link GraphDot},
 * {@link GraphHtml}) to show beside stage 01's own names. The annotator (stage 02) is the first
 * to supply one: a type after every variable where it is defined ({@code n_0: int}), the blocks
 * it never reached, and the name of each specialised copy of a function ({@code double[int]}).
 * PyPy's graph viewer does the same by asking the translator whether it has an annotator and
 * reading its bindings; an interface here keeps stage 01 free of any dependency on stage 02.
 *
 * <p>The renderers ask for annotations only inside reached blocks: a block no flow ever entered
 * has nothing to say about its variables.
 */
public interface GraphLabels {

    /** Stage 01's own pictures: plain names, every block live. */
    GraphLabels PLAIN = new GraphLabels() { };

    /** The graph's name in titles and indexes. */
    default String title(FunctionGraph g) {
        return g.name;
    }

    /** What to write after a variable where it is defined, as in {@code v3: int}; null for nothing. */
    default String annotation(Variable v) {
        return null;
    }

    /** False for a block the later stage never reached: drawn greyed and marked "never reached". */
    default boolean reached(Block b) {
        return true;
    }
}
