package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.flow.SpaceOperation;

/**
 * A block, compiled: its instructions, the operations they came from (for error messages and
 * tracebacks), how it ends, and the handlers of its exception links, which only the last
 * instruction can reach. Made empty first and defined once all blocks exist, since links
 * point forward and back.
 */
final class CodeBlock {

    Instr[] instrs;
    SpaceOperation[] operations;
    Exit exit;
    Handler[] handlers;

    void define(Instr[] instrs, SpaceOperation[] operations, Exit exit, Handler[] handlers) {
        this.instrs = instrs;
        this.operations = operations;
        this.exit = exit;
        this.handlers = handlers;
    }

    /** The handler for {@code e} raised by instruction {@code i}, or null if it leaves the graph. */
    Handler handlerFor(LLException e, int i) {
        if (i == instrs.length - 1) {
            for (Handler h : handlers) {
                if (h.catches(e)) {
                    return h;
                }
            }
        }
        return null;
    }
}
