package dev.taipan.gc.llmemory;

import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.llannotation.LowLevelExtension;
import dev.taipan.rtyper.llannotation.LowLevelTypeObject;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Stage 04's part of the low level as RPy code sees it, found by stage 03 through
 * {@code META-INF/services}: the module PyPy calls
 * <pre>
 * from rpython.rtyper.lltypesystem import llmemory
 * from rpython.rtyper.lltypesystem.llmemory import Address, NULL, raw_malloc, cast_adr_to_ptr, sizeof
 * </pre>
 * ({@code annlowlevel.llstr}, {@code gclog.debug_gc_log} and {@code debug.ll_assert} too), and the annotation of an {@code Address} ({@link SomeAddress}), which a struct field of
 * that type gives when read.
 */
public final class LLMemoryExtension implements LowLevelExtension {

    public static final String LLMEMORY = "rpython.rtyper.lltypesystem.llmemory";
    public static final String ANNLOWLEVEL = "rpython.rtyper.annlowlevel";
    /** The collectors' log: {@code debug_gc_log}. */
    public static final String GCLOG = "rpython.memory.gclog";
    /** Low-level invariants: {@code ll_assert}. */
    public static final String DEBUG = "rpython.rlib.debug";

    @Override
    public Map<String, Supplier<Map<String, PyObject>>> modules() {
        return Map.of(LLMEMORY, LLMemoryExtension::llmemory, ANNLOWLEVEL, () -> functions(ANNLOWLEVEL, new LinkedHashMap<>()),
                GCLOG, () -> functions(GCLOG, new LinkedHashMap<>()), DEBUG, () -> functions(DEBUG, new LinkedHashMap<>()));
    }

    private static Map<String, PyObject> llmemory() {
        Map<String, PyObject> m = new LinkedHashMap<>();
        m.put("Address", new LowLevelTypeObject(Primitive.ADDRESS));
        m.put("NULL", new NullAddress());
        return functions(LLMEMORY, m);
    }

    private static Map<String, PyObject> functions(String module, Map<String, PyObject> m) {
        for (LLMemoryFunction f : LLMemoryFunction.values()) {
            if (f.module().equals(module)) {
                m.put(f.pyName(), new LLMemoryHostFunction(f));
            }
        }
        return m;
    }

    @Override
    public SomeValue annotationOf(LowLevelType type) {
        return type == Primitive.ADDRESS ? new SomeAddress() : null;
    }
}
