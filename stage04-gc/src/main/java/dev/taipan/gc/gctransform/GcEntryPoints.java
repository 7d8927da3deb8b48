package dev.taipan.gc.gctransform;

import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyDict;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInstance;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.gc.Collector;
import dev.taipan.rtyper.llannotation.LLAnnotations;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.RTyper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The low-level graphs of a collector's entry points (see {@code rpython/memory/gc/base.py}).
 * The collector is annotated with the program, after it and before the rtyper runs (PyPy's
 * "mix-level" annotation of its GC): its classes then get their structs and vtables with the
 * program's, and the passes, the llinterp and the backends treat its graphs as the program's.
 */
public record GcEntryPoints(LowLevelGraph setup, LowLevelGraph mallocFixedsize, LowLevelGraph mallocVarsize,
                            LowLevelGraph collect, LowLevelGraph identityhash, LowLevelGraph writeBarrier,
                            long prebuiltFlags, Constant gc, AllocFastPath allocFastPath, long writeBarrierFlag) {

    private static final Primitive A = Primitive.ADDRESS;
    private static final Primitive I = Primitive.SIGNED;

    /**
     * A collector's bump pointer, as its module's {@code ALLOC_FAST_PATH = (free, top, largest)}
     * names it: the fields of its {@code GC} instance between which it carves new objects, and the
     * largest object the inline fast path may carve ({@link FastPaths}); larger ones take the call.
     */
    public record AllocFastPath(String free, String top, long largest) { }

    /**
     * The annotated graphs of the entry points, added to {@code ann}'s program (before the
     * rtyper); {@code writeBarrier} is null for a collector that needs none. {@code gc} is the
     * module's collector instance, {@code allocFastPath} null for a collector without a bump
     * pointer, {@code writeBarrierFlag} the header flag ({@code TRACK_YOUNG_PTRS}) without
     * which an object needs no barrier, 0 for a collector without a barrier.
     */
    public record Annotated(FunctionGraph setup, FunctionGraph mallocFixedsize, FunctionGraph mallocVarsize,
                            FunctionGraph collect, FunctionGraph identityhash, FunctionGraph writeBarrier,
                            long prebuiltFlags, PyInstance gc, AllocFastPath allocFastPath, long writeBarrierFlag) {

        /** Their low-level twins, once {@code rtyper} has specialized the program. */
        public GcEntryPoints lowLevel(RTyper rtyper) {
            return new GcEntryPoints(rtyper.lowLevel(setup), rtyper.lowLevel(mallocFixedsize),
                    rtyper.lowLevel(mallocVarsize), rtyper.lowLevel(collect), rtyper.lowLevel(identityhash),
                    writeBarrier == null ? null : rtyper.lowLevel(writeBarrier), prebuiltFlags,
                    rtyper.prebuiltInstance(gc), allocFastPath, writeBarrierFlag);
        }
    }

    /** Imports {@code collector}'s module into {@code host} and annotates its entry points with the program of {@code ann}. */
    public static Annotated annotate(Annotator ann, HostInterpreter host, Collector collector) {
        return host.runInside(() -> {
            LLTypeModule.install(host);
            PyModule module;
            try {
                module = (PyModule) host.importName(collector.module(), new PyDict(), new PyTuple(PyStr.of("GC")), 0);
            } catch (PyException e) {
                throw new IllegalStateException("the collector " + collector.module() + " cannot be imported:\n"
                        + host.formatException(e), e);
            }
            return new Annotated(
                    graph(ann, module, "gc_setup", A, I, A, I, A, I, I, Primitive.BOOL, Primitive.BOOL),
                    graph(ann, module, "gc_malloc_fixedsize", I, I),
                    graph(ann, module, "gc_malloc_varsize", I, I),
                    graph(ann, module, "gc_collect"),
                    graph(ann, module, "gc_identityhash", A),
                    collector.writeBarrier() ? graph(ann, module, "gc_write_barrier", A) : null,
                    prebuiltFlags(module), (PyInstance) module.get("GC"), allocFastPath(module),
                    collector.writeBarrier() ? writeBarrierFlag(module) : 0);
        });
    }

    /**
     * The flags the collector wants in every prebuilt object's header (its module's
     * {@code PREBUILT_FLAGS}, 0 when it has none): the module says it, so the bit has one
     * definition, next to the code that tests it.
     */
    private static long prebuiltFlags(PyModule module) {
        return module.get("PREBUILT_FLAGS") instanceof PyInt flags ? flags.longValue() : 0;
    }

    /**
     * The module's {@code ALLOC_FAST_PATH}, null when it has none (the collector has no bump
     * pointer: every allocation is a call).
     */
    private static AllocFastPath allocFastPath(PyModule module) {
        if (module.get("ALLOC_FAST_PATH") == null) {
            return null;
        }
        if (module.get("ALLOC_FAST_PATH") instanceof PyTuple t && t.size() == 3 && t.get(0) instanceof PyStr free
                && t.get(1) instanceof PyStr top && t.get(2) instanceof PyInt largest) {
            return new AllocFastPath(free.value(), top.value(), largest.longValue());
        }
        throw new IllegalStateException("ALLOC_FAST_PATH of " + module.name()
                + " must be (free field, top field, largest inline size), not " + module.get("ALLOC_FAST_PATH"));
    }

    /** The module's {@code TRACK_YOUNG_PTRS}: the header flag of an object whose stores need the barrier's call. */
    private static long writeBarrierFlag(PyModule module) {
        if (module.get("TRACK_YOUNG_PTRS") instanceof PyInt flag) {
            return flag.longValue();
        }
        throw new IllegalStateException(module.name() + " has a write barrier but no TRACK_YOUNG_PTRS flag for its fast path");
    }

    public List<LowLevelGraph> all() {
        List<LowLevelGraph> all = new ArrayList<>(List.of(setup, mallocFixedsize, mallocVarsize, collect, identityhash));
        if (writeBarrier != null) {
            all.add(writeBarrier);
        }
        return all;
    }

    private static FunctionGraph graph(Annotator ann, PyModule module, String name, LowLevelType... args) {
        return ann.annotateHelper((PyFunction) module.get(name),
                Arrays.stream(args).map(LLAnnotations::of).toList(), "the collector");
    }
}
