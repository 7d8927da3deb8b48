package dev.taipan.rtyper.llgraph;

import dev.taipan.rtyper.image.Image;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A whole program at the low level, what the rtyper hands to the llinterp (and, later, to the
 * GC transformer and the backend): its graphs, the entry point's, the image of its prebuilt
 * constants (function pointers in it are {@code FunctionRef}s named after graphs), and its
 * exception data.
 */
public record LowLevelProgram(List<LowLevelGraph> graphs, LowLevelGraph entry, Image image, ExceptionData exceptions) {

    public LowLevelProgram {
        graphs = List.copyOf(graphs);
    }

    /** The graphs by their low-level name: what a {@code FunctionRef} in the image names. */
    public Map<String, LowLevelGraph> byName() {
        return graphs.stream().collect(Collectors.toMap(LowLevelGraph::name, Function.identity()));
    }
}
