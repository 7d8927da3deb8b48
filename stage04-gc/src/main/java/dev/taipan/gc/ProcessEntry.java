package dev.taipan.gc;

import dev.taipan.annotator.AnnotateCommand;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyDict;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.rtyper.llannotation.LLAnnotations;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.List;

/**
 * The entry of a program translated with a collector: {@code main(argc, raw_argv)} of
 * {@code rpython/memory/main.py}, which builds {@code argv} through the collector from the raw
 * strings a process starts with, then calls the program's {@code entry_point(argv)}. Without it
 * argv would be made outside the collector's heap, and a string the program stores into it
 * would be reachable only through memory no collector traces.
 */
public final class ProcessEntry {
    private static final String MODULE = "rpython.memory.main";

    private ProcessEntry() { }

    /**
     * A new annotator for the program whose entry point is {@code entryPoint}, annotated from
     * {@code main}: the program is flowed from there, so the argv {@code main} builds is the
     * argv {@code entry_point} sees. Returns it with {@code main}'s graph.
     */
    public static Annotated annotate(HostInterpreter host, PyFunction entryPoint) {
        return host.runInside(() -> {
            PyModule module;
            try {
                module = (PyModule) host.importName(MODULE, new PyDict(), new PyTuple(PyStr.of("main")), 0);
            } catch (PyException e) {
                throw new IllegalStateException(MODULE + " cannot be imported:\n" + host.formatException(e), e);
            }
            module.dict().putStr("ENTRY_POINT", entryPoint);
            Annotator ann = new Annotator(new TranslationContext(host));
            FunctionGraph main = ann.annotate((PyFunction) module.get("main"),
                    List.of(LLAnnotations.of(Primitive.SIGNED), LLAnnotations.of(Primitive.ADDRESS)));
            AnnotateCommand.requireExitStatus(ann.returnAnnotation(main), entryPoint);
            return new Annotated(ann, main);
        });
    }

    /** The annotated program and the graph of its entry, {@code main}. */
    public record Annotated(Annotator annotator, FunctionGraph main) { }
}
