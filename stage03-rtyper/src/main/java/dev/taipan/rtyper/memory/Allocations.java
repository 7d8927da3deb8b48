package dev.taipan.rtyper.memory;

import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Layout;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The checked heap's record of every live object: where it starts, how many bytes it covers,
 * its type and length. Our ASan, but typed: ASan knows only which bytes are addressable, while
 * this knows which field each byte belongs to, so it also catches a {@code Float} load from a
 * {@code Signed} field, a store into padding or into the GC header, and a store into read-only
 * prebuilt data.
 *
 * <p>Every access names a pointer and an offset, as the low-level operations do
 * ({@code getfield(p, 'x')} is a load at {@code p + offset(x)}). The pointer finds the object
 * (it may point inside it, after {@code getsubstruct}); the offset is then checked against that
 * object, so running off the end of one object is reported as such even when the next object
 * starts right there.
 */
final class Allocations {

    /** A live object, or a raw block ({@code raw_malloc}): one with no type, so no shape. */
    private record Allocation(long base, long size, ContainerType type, long length, boolean prebuilt,
                              boolean readOnly, Shape shape) {
        boolean raw() {
            return type == null;
        }

        String describe() {
            if (raw()) {
                return "a raw block (size " + size + ")";
            }
            return "a " + (prebuilt ? "prebuilt " : "") + type
                    + (Layout.isVarsize(type) ? " of length " + length : "") + " (size " + size + ")";
        }
    }

    private final TreeMap<Long, Allocation> byBase = new TreeMap<>();
    /**
     * The raw blocks freed and not yet handed out again (the heap's quarantine, bounded), so
     * that an access into one says it was freed rather than only that nothing lives there.
     */
    private final TreeMap<Long, Allocation> freed = new TreeMap<>();
    private final Map<ContainerType, Shape> shapes = new HashMap<>();
    private Allocation last;

    void add(long base, long size, ContainerType type, long length, boolean prebuilt, boolean readOnly) {
        Shape shape = shapes.computeIfAbsent(type, Shape::new);
        byBase.put(base, new Allocation(base, size, type, length, prebuilt, readOnly, shape));
    }

    /** A raw block of {@code size} bytes at {@code base}: any word or byte in it may be accessed, by any kind. */
    void addRaw(long base, long size) {
        freed.remove(base);
        byBase.put(base, new Allocation(base, size, null, 0, false, false, null));
    }

    /** {@code raw_free(adr)}: {@code adr} must start a live raw block, which is then remembered as freed. */
    void free(long adr) {
        Allocation a = byBase.get(adr);
        if (a == null || !a.raw()) {
            Allocation was = containing(freed, adr);
            String problem = was != null && was.base() == adr ? "the raw block there (size " + was.size() + ") was freed already"
                    : was != null ? "it is " + (adr - was.base()) + " bytes into a freed raw block (size " + was.size() + ")"
                    : (a = find(adr)) == null ? "no live raw block starts there"
                    : a.raw() ? "it is " + (adr - a.base()) + " bytes into " + a.describe() + ", not its start"
                    : "it is inside " + a.describe() + ", which raw_malloc did not allocate";
            throw new CheckedMemoryError("raw_free of 0x" + Long.toHexString(adr) + ": " + problem);
        }
        byBase.remove(adr);
        freed.put(adr, a);
        if (last == a) {
            last = null;
        }
    }

    /** The freed block at {@code base} leaves the quarantine: its memory may be handed out again. */
    void forgetFreed(long base) {
        freed.remove(base);
    }

    void clear() {
        byBase.clear();
        freed.clear();
        last = null;
    }

    void check(long ptr, long offset, Kind kind, boolean store) {
        Allocation a = find(ptr);
        if (a == null) {
            throw notLive(ptr, offset, kind, store);
        }
        long at = ptr - a.base() + offset;
        if (at < 0 || at + kind.size > a.size()) {
            throw error(kind, store, at, a.describe(), "out of bounds");
        }
        if (a.raw() || kind == Kind.RAW_WORD || kind == Kind.RAW_BYTE) {
            checkRaw(a, at, kind, store);
            return;
        }
        Shape.Found found = a.shape().at(at);
        Shape.Entry e = found.entry();
        if (e == null) {
            throw error(kind, store, at, a.describe(), "offset " + at + " is padding, no field is there");
        }
        if (e.kind() == null) {
            throw error(kind, store, at, a.describe(), "offset " + at + " is " + e.name() + ", which only the GC touches");
        }
        if (found.start() != at) {
            throw error(kind, store, at, a.describe(), "offset " + at + " is inside field '" + found.name() + "' ("
                    + e.kind() + " at offset " + found.start() + ")");
        }
        if (e.kind() != kind) {
            throw error(kind, store, at, a.describe(), "the field there is '" + found.name() + "', a " + e.kind());
        }
        if (store && a.readOnly()) {
            throw error(kind, store, at, a.describe(), "the object is read-only (prebuilt in RODATA)");
        }
    }

    /**
     * An access that knows no field: a raw load or store ({@code raw_load}, {@code adr.signed[i]}),
     * or a typed one through a pointer into a raw block. The collectors read every object as
     * words, its GC header included, so a raw word may be any naturally aligned word of a live
     * object; but read-only prebuilt data stays read-only. A typed access into a raw block (a
     * collector's object living in its arena) is checked for bounds and alignment only: typing
     * such objects from their header's type id comes with the collectors' type information.
     */
    private static void checkRaw(Allocation a, long at, Kind kind, boolean store) {
        if (at % kind.size != 0) {
            throw error(kind, store, at, a.describe(), "offset " + at + " is not aligned to " + kind.size + " bytes");
        }
        if (store && a.readOnly()) {
            throw error(kind, store, at, a.describe(), "the object is read-only (prebuilt in RODATA)");
        }
    }

    /**
     * {@code raw_memcopy}, {@code raw_memclear}: the {@code size} bytes from {@code adr} lie in
     * one live object or raw block (a copy may cross fields: the collectors copy whole objects).
     */
    void checkRange(String what, long adr, long size, boolean store) {
        Allocation a = find(adr);
        if (a == null) {
            Allocation was = containing(freed, adr);
            throw new CheckedMemoryError(what + " of " + size + " bytes at 0x" + Long.toHexString(adr) + ": "
                    + (was != null ? "inside " + was.describe() + ", freed by raw_free (use after free)"
                    : "not inside any live object"));
        }
        long at = adr - a.base();
        if (at + size > a.size()) {
            throw new CheckedMemoryError(what + " of " + size + " bytes at offset " + at + " of " + a.describe()
                    + ": out of bounds");
        }
        if (store && a.readOnly()) {
            throw new CheckedMemoryError(what + " of " + size + " bytes at offset " + at + " of " + a.describe()
                    + ": the object is read-only (prebuilt in RODATA)");
        }
    }

    /** The error for an access where nothing lives: into a block freed by {@code raw_free}, or anywhere else. */
    private CheckedMemoryError notLive(long ptr, long offset, Kind kind, boolean store) {
        Allocation was = containing(freed, ptr);
        if (was != null) {
            return error(kind, store, ptr - was.base() + offset, was.describe(), "it was freed by raw_free (use after free)");
        }
        return error(kind, store, offset, "address 0x" + Long.toHexString(ptr), "not inside any live object");
    }

    private static Allocation containing(TreeMap<Long, Allocation> blocks, long ptr) {
        var floor = blocks.floorEntry(ptr);
        return floor != null && ptr - floor.getValue().base() < Math.max(floor.getValue().size(), 1) ? floor.getValue() : null;
    }

    /** The live object {@code ptr} points into, or null; the last one found is tried first (accesses cluster). */
    private Allocation find(long ptr) {
        Allocation a = last;
        if (a == null || ptr < a.base() || ptr - a.base() >= Math.max(a.size(), 1)) {
            var floor = byBase.floorEntry(ptr);
            a = floor == null ? null : floor.getValue();
            if (a == null || ptr - a.base() >= Math.max(a.size(), 1)) {
                return null;
            }
            last = a;
        }
        return a;
    }

    private static CheckedMemoryError error(Kind kind, boolean store, long offset, String object, String problem) {
        return new CheckedMemoryError((store ? "store" : "load") + " of " + kind + " at offset " + offset + " of " + object
                + ": " + problem);
    }
}
