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

    private record Allocation(long base, long size, ContainerType type, long length, boolean prebuilt,
                              boolean readOnly, Shape shape) {
        String describe() {
            return "a " + (prebuilt ? "prebuilt " : "") + type
                    + (Layout.isVarsize(type) ? " of length " + length : "") + " (size " + size + ")";
        }
    }

    private final TreeMap<Long, Allocation> byBase = new TreeMap<>();
    private final Map<ContainerType, Shape> shapes = new HashMap<>();
    private Allocation last;

    void add(long base, long size, ContainerType type, long length, boolean prebuilt, boolean readOnly) {
        Shape shape = shapes.computeIfAbsent(type, Shape::new);
        byBase.put(base, new Allocation(base, size, type, length, prebuilt, readOnly, shape));
    }

    void clear() {
        byBase.clear();
        last = null;
    }

    void check(long ptr, long offset, Kind kind, boolean store) {
        Allocation a = find(ptr);
        if (a == null) {
            throw error(kind, store, offset, "address 0x" + Long.toHexString(ptr), "not inside any live object");
        }
        long at = ptr - a.base() + offset;
        if (at < 0 || at + kind.size > a.size()) {
            throw error(kind, store, at, a.describe(), "out of bounds");
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
