package dev.taipan.x86.view;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.rtyper.llgraph.InlinedFrames;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.x86.gen.CodeListener;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Code offset to source line, for the graphs of one function, heard from the code generator as
 * it emits each operation ({@link CodeListener}): a debugger's line table, made for a page.
 *
 * <p>An operation inlined from a callee carries the callee's line; here it counts at the line of
 * the call it replaced, the outermost of its {@link InlinedFrames#where frames}, because that is
 * the line of this function the reader sees. Code before the first operation is the prologue,
 * which belongs to the {@code def} line; code after a {@code null} operation (the out-of-line slow
 * paths) and operations the transforms made without a line (0) belong to no line.
 */
final class LineTable implements CodeListener {

    private final SourceFunction function;
    private final Map<String, TreeMap<Integer, Integer>> lines = new HashMap<>();

    LineTable(SourceFunction function) {
        this.function = function;
    }

    @Override
    public void operation(LowLevelGraph graph, int offset, SpaceOperation op) {
        if (!function.owns(graph.graph())) {
            return;
        }
        int line = 0;
        if (op != null) {
            List<InlinedFrames.Frame> where = graph.inlined().where(graph, op);
            line = where.getLast().line();
        }
        lines.computeIfAbsent(graph.name(), n -> new TreeMap<>()).put(offset, line);
    }

    /** The source line of the instruction at {@code offset} in the function {@code graph}; 0 for none. */
    int lineAt(String graph, int offset) {
        TreeMap<Integer, Integer> table = lines.get(graph);
        var entry = table == null ? null : table.floorEntry(offset);
        return entry == null ? function.firstLine() : entry.getValue();
    }
}
