package dev.taipan.rtyper.llinterp;

/**
 * A link, compiled: the moves that pass its arguments into the target block's input slots, and
 * the target. The moves are ordered so that none overwrites a slot a later one reads (a loop
 * that passes {@code (b, a)} to its own {@code (a, b)} goes through spare slots), which is what
 * the block arguments of a flow graph mean: all passed at once. {@code line} is where a raise
 * through this link happened, for the traceback.
 */
record Jump(int[] from, int[] to, CodeBlock target, int line) {

    void move(long[] f) {
        int[] from = this.from;
        int[] to = this.to;
        for (int k = 0; k < from.length; k++) {
            f[to[k]] = f[from[k]];
        }
    }
}
