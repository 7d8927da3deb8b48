package dev.taipan.flowgraph.cli;

/**
 * The options of {@code taipan exec} that belong to the stages below Python rather than to the
 * program: each stage honours those that mean something to it and ignores the others.
 *
 * @param checked run over the checked heap, which validates every load and store against its
 *                allocation's type and bounds (stages with a heap: {@code ll} and later)
 * @param opt     the level of the graph passes between the rtyper and the stage ({@code none},
 *                {@code 0}, {@code 1}, {@code 2}, as the stage spells them), or null for the
 *                stage's default (stages with low-level graphs: {@code ll} and later)
 * @param gc       the garbage collector ({@code none}, {@code marksweep}, {@code semispace},
 *                 {@code generational}), or null for the stage's default (stages {@code gc} and later)
 * @param gcStress collect at every allocation, to shake out a missing root or barrier
 * @param heapMax  the most the GC heap may grow to, as written ({@code 64m}), or null for no limit
 * @param nursery  the young generation's size, as written ({@code 4m}), or null for the stage's
 *                 default (collectors with a nursery: {@code generational}, {@code minimark})
 * @param inProcess run the machine code inside this JVM rather than as a process of its own
 *                  (stages with machine code: {@code x86})
 */
public record ExecOptions(boolean checked, String opt, String gc, boolean gcStress, String heapMax, String nursery,
                          boolean inProcess) {
    public static final ExecOptions DEFAULT = new ExecOptions(false, null);

    /** The stage's default passes and collector. */
    public ExecOptions(boolean checked) {
        this(checked, null);
    }

    /** The stage's default collector. */
    public ExecOptions(boolean checked, String opt) {
        this(checked, opt, null, false, null);
    }

    /** The stage's default nursery; machine code, if any, run as a process of its own. */
    public ExecOptions(boolean checked, String opt, String gc, boolean gcStress, String heapMax) {
        this(checked, opt, gc, gcStress, heapMax, null, false);
    }
}
