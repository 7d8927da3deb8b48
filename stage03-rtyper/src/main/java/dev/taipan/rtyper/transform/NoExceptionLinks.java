package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.CheckGraph;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;

/**
 * The checker of exception-transformed graphs, beside {@code CheckGraph}'s invariants: what a
 * backend without unwinding relies on. No block ends in {@code last_exception}, no link is an
 * exception link, nothing reaches the except block, and no operation raises by itself any more
 * ({@code _ovf}): exceptions travel only through the pending exception, which calls and
 * allocations report.
 */
public final class NoExceptionLinks {
    private NoExceptionLinks() { }

    /** Throws {@link IllegalStateException} (a bug in a pass) where {@code g} breaks the protocol. */
    public static void check(LowLevelGraph g) {
        FunctionGraph fg = g.graph();
        CheckGraph.checkgraph(fg);
        for (Block b : fg.iterblocks()) {
            if (b.canRaise()) {
                throw broken(g, "a block still ends in last_exception after " + b.raisingOp());
            }
            for (Link l : b.exits) {
                if (l.isException() || l.target == fg.exceptblock) {
                    throw broken(g, "a link still " + (l.isException() ? "catches an exception" : "raises") + ": " + l);
                }
            }
            for (SpaceOperation op : b.operations) {
                if (OverflowTest.handles(op)) {
                    throw broken(g, op.opname() + " still raises by itself, line " + op.line());
                }
            }
        }
    }

    private static IllegalStateException broken(LowLevelGraph g, String what) {
        return new IllegalStateException(g.name() + ": not exception-transformed: " + what);
    }
}
