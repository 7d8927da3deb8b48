package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.InlinedFrames;
import java.util.List;

/**
 * A link, compiled: the moves that pass its arguments into the target block's input slots, and
 * the target. The moves are ordered so that none overwrites a slot a later one reads (a loop
 * that passes {@code (b, a)} to its own {@code (a, b)} goes through spare slots), which is what
 * the block arguments of a flow graph mean: all passed at once. {@code raisedAt} is where a raise
 * through this link happened, for the traceback: one frame, or more where the raise was inlined
 * from a callee ({@link dev.taipan.rtyper.llgraph.InlinedFrames}).
 */
record Jump(int[] from, int[] to, CodeBlock target, List<InlinedFrames.Frame> raisedAt) {

    void move(long[] f) {
        int[] from = this.from;
        int[] to = this.to;
        for (int k = 0; k < from.length; k++) {
            f[to[k]] = f[from[k]];
        }
    }
}
