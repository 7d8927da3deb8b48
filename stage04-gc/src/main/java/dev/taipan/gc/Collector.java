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
    NONE(false),
    /** Cheney's copying collector: two spaces, everything live copied at each collection. */
    SEMISPACE(true),
    /** A nursery in front of semispace: minor collections promote its survivors; a write barrier. */
    GENERATIONAL(true, Collector.TRACK_YOUNG_PTRS);

    /** What {@code --gc} is when not given. */
    public static final Collector DEFAULT = SEMISPACE;

    /**
     * generational.py's header flag of an old object whose young pointers the remembered set
     * knows (all of them: none): what the write barrier tests, and what prebuilt objects carry.
     */
    public static final long TRACK_YOUNG_PTRS = 1L << 59;

    private final boolean moving;
    private final long oldFlags;

    Collector(boolean moving) {
        this(moving, 0);
    }

    Collector(boolean moving, long oldFlags) {
        this.moving = moving;
        this.oldFlags = oldFlags;
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
     * module then has {@code gc_write_barrier(obj)}), testing {@link #TRACK_YOUNG_PTRS}.
     */
    public boolean writeBarrier() {
        return oldFlags != 0;
    }

    /** The header flags of prebuilt objects: old, for a generational collector. */
    public long prebuiltFlags() {
        return oldFlags;
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
