package dev.taipan.gc.layout;

/**
 * The one-word header stage 03 reserves at offset 0 of every GC object, as the collectors use
 * it: the low half is the object's type id (which finds its {@link TypeInfo}), the high half the
 * collector's flags (marked, forwarded, old, in the remembered set: each collector names its
 * own). PyPy packs its header the same way, a half-word type id and flags above it.
 *
 * <p>Id 0 is never given, so a header still 0 (memory the collector never initialised, a
 * pointer into the middle of nothing) is caught as "no type" rather than read as a type.
 */
public final class GcHeader {
    private GcHeader() { }

    public static final int TYPE_ID_BITS = 32;
    public static final long TYPE_ID_MASK = (1L << TYPE_ID_BITS) - 1;

    /**
     * The one flag every collector shares ({@code PREBUILT} in {@code base.py}): the object is
     * in the image, so it never moves and is never freed. The layout sets it in every prebuilt
     * object's header; the heap check knows by it a pointer that leads outside the heap.
     */
    public static final long PREBUILT = 1L << 56;

    /** The header word of an object of type id {@code typeId} with the collector's {@code flags} (bits 32 and up). */
    public static long word(int typeId, long flags) {
        if (typeId <= 0) {
            throw new IllegalArgumentException("type ids start at 1, not " + typeId);
        }
        if ((flags & TYPE_ID_MASK) != 0) {
            throw new IllegalArgumentException("flags live above bit " + TYPE_ID_BITS + ": 0x" + Long.toHexString(flags));
        }
        return typeId | flags;
    }

    public static int typeId(long word) {
        return (int) (word & TYPE_ID_MASK);
    }

    public static long flags(long word) {
        return word & ~TYPE_ID_MASK;
    }
}
