package dev.taipan.x86.gen;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.LowLevelGraph;

/**
 * Hears where the machine code of each low-level operation begins, as {@link FunctionCodegen}
 * emits it: the backend's side of a debugger's line table (DWARF's {@code .debug_line} maps
 * addresses to lines the same way, one row where the line changes). An operation's code runs
 * from its offset to the next one heard; code before the first (the prologue) belongs to no
 * operation, and {@code op} null marks code that belongs to none either (the out-of-line slow
 * paths after the blocks). {@code taipan view} ties each instruction to a source line with it.
 */
@FunctionalInterface
public interface CodeListener {

    /** Hears nothing: a translation that only wants the code. */
    CodeListener NONE = (graph, offset, op) -> { };

    /** The code of {@code op} in {@code graph} begins at {@code offset} bytes into the graph's function. */
    void operation(LowLevelGraph graph, int offset, SpaceOperation op);
}
