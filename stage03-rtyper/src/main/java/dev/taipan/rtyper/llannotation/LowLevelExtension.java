package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.lltype.LowLevelType;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What a later stage adds to the low level that RPy code sees, found on the class path with
 * {@link java.util.ServiceLoader} (a {@code META-INF/services} file naming the implementation), so that
 * stage 03 never names the stages after it. Stage 04 contributes PyPy's {@code llmemory}: the
 * module {@code rpython.rtyper.lltypesystem.llmemory} and the annotation of an
 * {@code Address} ({@code SomeAddress}), which a struct field of that type gives when read.
 *
 * <p>What is on the class path is fixed for the life of the JVM, so the extensions are loaded
 * once ({@link #all}); each one still makes fresh module contents for every host interpreter
 * it is installed in ({@link LLTypeModule#install}), as stage 03's own modules do.
 */
public interface LowLevelExtension {

    /**
     * The modules RPy code may import, by dotted name, each with what makes its contents
     * (called once per host interpreter that imports it).
     */
    Map<String, Supplier<Map<String, PyObject>>> modules();

    /**
     * The annotation of a value of low-level type {@code type}, for a type this stage owns
     * ({@code Address}), else null: what a field of that type gives when a helper reads it.
     */
    SomeValue annotationOf(LowLevelType type);

    /** The extensions on the class path, in the order the service files list them (loaded once). */
    static List<LowLevelExtension> all() {
        return LowLevelExtensions.ALL;
    }
}
