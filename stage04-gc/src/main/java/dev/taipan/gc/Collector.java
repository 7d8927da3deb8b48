package dev.taipan.gc;

import dev.taipan.flowgraph.TaipanError;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The collectors of {@code --gc=NAME}: each is an RPy module under {@code rpython/memory/gc/}
 * with the same entry points ({@code gc_setup}, {@code gc_malloc_fixedsize},
 * {@code gc_malloc_varsize}, {@code gc_collect}; see {@code base.py}), translated with the
 * program. What the transformer must know of one is whether it moves objects and whether it
 * needs a write barrier.
 */
public enum Collector {
    /** Allocates and never frees (stage 03's behaviour). */
    NONE(false, false),
    /** Mark and sweep: an allocator of size classes over raw arenas; nothing moves. */
    MARKSWEEP(false, false),
    /** Cheney's copying collector: two spaces, everything live copied at each collection. */
    SEMISPACE(true, false),
    /** A nursery in front of semispace: minor collections promote its survivors; a write barrier. */
    GENERATIONAL(true, true),
    /**
     * A nursery in front of mark and sweep (PyPy's minimark): survivors are promoted into cells
     * that never move again; a write barrier.
     */
    MINIMARK(true, true);

    /** What {@code --gc} is when not given. */
    public static final Collector DEFAULT = SEMISPACE;

    private final boolean moving;
    private final boolean writeBarrier;

    Collector(boolean moving, boolean writeBarrier) {
        this.moving = moving;
        this.writeBarrier = writeBarrier;
    }

    public String gcName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The RPy module that implements it. */
    public String module() {
        return "rpython.memory.gc." + gcName();
    }

    /** Whether it moves objects: then an object's address is no identity hash. */
    public boolean moving() {
        return moving;
    }

    /**
     * Whether it needs a write barrier before each store of a GC pointer into a GC object (its
     * module then has {@code gc_write_barrier(obj)}). The flags its prebuilt objects carry are
     * its module's {@code PREBUILT_FLAGS} ({@code GcEntryPoints}).
     */
    public boolean writeBarrier() {
        return writeBarrier;
    }

    /** The collector {@code --gc=name} names (null: the default). */
    public static Collector parse(String name) {
        if (name == null) {
            return DEFAULT;
        }
        return Arrays.stream(values()).filter(c -> c.gcName().equals(name)).findFirst().orElseThrow(() ->
                new TaipanError("--gc=" + name + ": no such collector; the collectors are "
                        + Arrays.stream(values()).map(Collector::gcName).collect(Collectors.joining(", "))));
    }
}
