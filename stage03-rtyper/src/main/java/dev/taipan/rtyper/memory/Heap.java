package dev.taipan.rtyper.memory;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Relocation;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Layout;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayDeque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * Where low-level objects live while the llinterp runs a program: real native memory, as they
 * will in the native executable. A pointer is a machine address (a {@code long}), an object is
 * the bytes {@link Layout} describes, and a field access is a load or store at pointer + offset.
 * Nothing here knows Java objects: what the llinterp computes is what the x86 code will compute,
 * byte for byte, which is why stage 05 can be tested against it.
 *
 * <p><b>Fast.</b> The llinterp makes a load or store for every {@code getfield}, so these must
 * cost a few nanoseconds. All of memory is one {@link MemorySegment}, {@code NULL} reinterpreted
 * to the whole address space, held in a constant: an access is one bounds check the JIT removes
 * and one machine instruction. Allocation bumps a pointer through 1 MiB chunks taken from an
 * {@link Arena} (zero-filled, as {@code malloc} in PyPy's low level promises); a big object gets
 * its own block. No typed object is freed before {@link #close()}: stage 03 has no GC (stage 04
 * brings them, written in RPy, allocating their spaces here as <b>raw blocks</b>:
 * {@link #rawMalloc}, {@link #rawFree}, and loads and stores that name no field). A freed raw
 * block is kept for reuse, never unmapped before {@link #close()}.
 *
 * <p><b>Checked.</b> The fast heap trusts the program as C does: a wrong address reads garbage
 * or crashes the JVM, so only the null pointer is caught. The checked heap ({@link #checked()},
 * {@code taipan exec --checked}, and every test) validates each access against the object it
 * falls in ({@link Allocations}) and throws {@link CheckedMemoryError} with what was wrong. It
 * also leaves a red zone between objects, so a stray pointer just past an object points to no
 * object at all.
 *
 * <p><b>Prebuilt data</b> comes in whole: {@link #map} copies an {@link Image}'s sections into
 * memory and patches its relocations. The GC header of every object is left 0, for stage 04.
 *
 * <p>Not thread-safe: one heap per running program. Accesses after {@link #close()} are
 * use-after-free; the checked heap reports them, the fast one does not.
 */
public final class Heap implements AutoCloseable {

    /**
     * All of memory; an address is an offset into it. Reinterpreting is a restricted method (it
     * lets Java read any address), which is the point: the tests and the launcher run with
     * {@code --enable-native-access}.
     */
    @SuppressWarnings("restricted")
    private static final MemorySegment MEMORY = MemorySegment.NULL.reinterpret(Long.MAX_VALUE);
    private static final long CHUNK = 1 << 20;
    private static final long BIG = CHUNK / 4;
    private static final long RED_ZONE = 16;

    /** The byte a new raw block of the checked heap is filled with, and a freed one: what reading memory never written shows. */
    public static final byte POISON = (byte) 0xDB;
    /** How many bytes of freed raw blocks the checked heap keeps out of reuse, so that a stale access finds them freed. */
    private static final long QUARANTINE = 64L << 20;

    private final Arena arena = Arena.ofShared();
    /** The checked mode's record of live objects; null in the fast heap. */
    private final Allocations allocations;
    private long top;
    private long end;
    /** The live raw blocks ({@code raw_malloc}), by address: how much room each takes. */
    private final Map<Long, Long> rawBlocks = new HashMap<>();
    /**
     * Freed raw blocks ready for reuse, by room. Freed memory is never given back to the system
     * before {@link #close()}: a program that reads a block after freeing it (a collector's
     * stale pointer into its old space) then reads stale bytes, as in C, instead of unmapped
     * memory, which would crash the whole JVM, the llinterp with it.
     */
    private final Map<Long, ArrayDeque<Long>> freeBlocks = new HashMap<>();
    /** The checked heap's freed blocks not yet reusable (address, room), oldest first; and their total room. */
    private final ArrayDeque<long[]> quarantine = new ArrayDeque<>();
    private long quarantined;

    private Heap(boolean checked) {
        allocations = checked ? new Allocations() : null;
    }

    /** A heap that trusts the program: the llinterp's normal mode. */
    public static Heap fast() {
        return new Heap(false);
    }

    /** A heap that validates every access. */
    public static Heap checked() {
        return new Heap(true);
    }

    public boolean isChecked() {
        return allocations != null;
    }

    /** PyPy's {@code malloc(T)}: a zero-filled object of a fixed-size type. */
    public long malloc(ContainerType type) {
        if (Layout.isVarsize(type)) {
            throw new IllegalArgumentException("malloc of var-sized " + type + ": use malloc_varsize with a length");
        }
        return allocate(type, 0, Layout.sizeOf(type));
    }

    /** PyPy's {@code malloc(T, n)}: a zero-filled array (or struct ending in one) of {@code length} items. */
    public long mallocVarsize(ContainerType type, long length) {
        if (!Layout.isVarsize(type)) {
            throw new IllegalArgumentException("malloc_varsize of fixed-size " + type + ": use malloc");
        }
        long size;
        try {
            size = Layout.sizeOf(type, length);
        } catch (ArithmeticException e) {
            throw new OutOfMemoryError("malloc_varsize of " + type + " of length " + length + ": more bytes than an address space");
        }
        long p = allocate(type, length, size);
        MEMORY.set(JAVA_LONG, p + Layout.lengthOffset(type), length);
        return p;
    }

    private long allocate(ContainerType type, long length, long size) {
        long p = carve(room(size));
        if (allocations != null) {
            allocations.add(p, size, type, length, false, false);
        }
        return p;
    }

    /** The bytes an object of {@code size} takes: whole words, and the checked heap's red zone after it. */
    private long room(long size) {
        return roundUp(Math.max(size, 1)) + (allocations != null ? RED_ZONE : 0);
    }

    private long carve(long room) {
        long p;
        if (room > BIG) {
            p = arena.allocate(room, Layout.WORD).address();
        } else {
            if (top + room > end) {
                top = arena.allocate(CHUNK, Layout.WORD).address();
                end = top + CHUNK;
            }
            p = top;
            top += room;
        }
        return p;
    }

    /**
     * PyPy's {@code raw_malloc(size)}: a block of raw memory, word-aligned, owned by no GC (the
     * collectors take their spaces from here). Its contents are undefined: the checked heap
     * fills it with {@link #POISON}, so that a collector reading what it never wrote sees
     * 0xDBDBDBDB..., not a plausible zero.
     */
    public long rawMalloc(long size) {
        if (size < 0) {
            throw new CheckedMemoryError("raw_malloc of " + size + " bytes: a size is not negative");
        }
        long room = room(size);
        ArrayDeque<Long> reusable = freeBlocks.get(room);
        long p = reusable != null && !reusable.isEmpty() ? reusable.pop() : carve(room);
        rawBlocks.put(p, room);
        if (allocations != null) {
            allocations.addRaw(p, size);
            MEMORY.asSlice(p, size).fill(POISON);
        }
        return p;
    }

    /** {@code raw_calloc(size)}: a block as {@link #rawMalloc} gives, every byte zero. */
    public long rawCalloc(long size) {
        long p = rawMalloc(size);
        MEMORY.asSlice(p, size).fill((byte) 0);
        return p;
    }

    /**
     * PyPy's {@code raw_free(adr)}: {@code adr} must be a block {@link #rawMalloc} gave and not
     * freed since (both heaps check that much: a table lookup). The checked heap poisons the
     * block and keeps it out of reuse for a while (a quarantine, as ASan's), so an access into
     * it fails saying it was freed.
     */
    public void rawFree(long adr) {
        if (adr == 0) {
            throw new CheckedMemoryError("raw_free of NULL");
        }
        if (allocations != null) {
            allocations.free(adr);   // says what is wrong with adr, if anything
        }
        Long room = rawBlocks.remove(adr);
        if (room == null) {
            throw new CheckedMemoryError("raw_free of 0x" + Long.toHexString(adr) + ": no live raw block starts there");
        }
        if (allocations == null) {
            freeBlocks.computeIfAbsent(room, r -> new ArrayDeque<>()).push(adr);
            return;
        }
        MEMORY.asSlice(adr, room - RED_ZONE).fill(POISON);
        quarantine.add(new long[] {adr, room});
        quarantined += room;
        while (quarantined > QUARANTINE) {
            long[] oldest = quarantine.poll();
            quarantined -= oldest[1];
            allocations.forgetFreed(oldest[0]);
            freeBlocks.computeIfAbsent(oldest[1], r -> new ArrayDeque<>()).push(oldest[0]);
        }
    }

    /** PyPy's {@code raw_memcopy(src, dst, size)}: {@code size} bytes from {@code src} to {@code dst} (the two do not overlap). */
    public void rawMemcopy(long src, long dst, long size) {
        if (size == 0) {
            return;
        }
        if (src == 0 || dst == 0 || allocations != null) {
            checkRange("raw_memcopy from", src, size, false);
            checkRange("raw_memcopy to", dst, size, true);
        }
        MemorySegment.copy(MEMORY, src, MEMORY, dst, size);
    }

    /** PyPy's {@code raw_memclear(adr, size)}: {@code size} zero bytes from {@code adr}. */
    public void rawMemclear(long adr, long size) {
        if (size == 0) {
            return;
        }
        if (adr == 0 || allocations != null) {
            checkRange("raw_memclear", adr, size, true);
        }
        MEMORY.asSlice(adr, size).fill((byte) 0);
    }

    /**
     * A raw load of a whole word at {@code adr + offset} ({@code raw_load} of a {@code Signed},
     * an {@code Address}, a {@code Float}'s bits, ...): no field is named, so the checked heap
     * asks only that a live object or raw block holds the word, naturally aligned.
     */
    public long rawLoadWord(long adr, long offset) {
        if (adr == 0 || allocations != null) {
            validate(adr, offset, Kind.RAW_WORD, false);
        }
        return MEMORY.get(JAVA_LONG, adr + offset);
    }

    public void rawStoreWord(long adr, long offset, long bits) {
        if (adr == 0 || allocations != null) {
            validate(adr, offset, Kind.RAW_WORD, true);
        }
        MEMORY.set(JAVA_LONG, adr + offset, bits);
    }

    /** A raw load of one byte, 0..255 ({@code adr.char[i]}, a {@code Bool}). */
    public int rawLoadByte(long adr, long offset) {
        if (adr == 0 || allocations != null) {
            validate(adr, offset, Kind.RAW_BYTE, false);
        }
        return MEMORY.get(JAVA_BYTE, adr + offset) & 0xFF;
    }

    public void rawStoreByte(long adr, long offset, int value) {
        if (adr == 0 || allocations != null) {
            validate(adr, offset, Kind.RAW_BYTE, true);
        }
        MEMORY.set(JAVA_BYTE, adr + offset, (byte) value);
    }

    private void checkRange(String what, long adr, long size, boolean store) {
        if (size < 0) {
            throw new CheckedMemoryError(what + " of " + size + " bytes: a size is not negative");
        }
        if (adr == 0) {
            throw new CheckedMemoryError(what + " of " + size + " bytes at NULL");
        }
        if (allocations != null) {
            allocations.checkRange(what, adr, size, store);
        }
    }

    /**
     * Copies the image into memory and patches its pointer words: a pointer to a prebuilt
     * object gets that object's address; a pointer to a function gets
     * {@code functionAddress.applyAsLong(f)}, whatever the caller uses for functions (the
     * llinterp: small integer ids). In the checked heap, each prebuilt object becomes a live
     * object, and those in {@link Section#RODATA} refuse stores.
     */
    public MappedImage map(Image image, ToLongFunction<FunctionRef> functionAddress) {
        var bases = new EnumMap<Section, Long>(Section.class);
        for (Section s : Section.values()) {
            byte[] bytes = image.bytes(s);
            MemorySegment block = arena.allocate(Math.max(bytes.length, 1), 16);
            MemorySegment.copy(bytes, 0, block, JAVA_BYTE, 0, bytes.length);
            bases.put(s, block.address());
        }
        for (Relocation r : image.relocations()) {
            long value = switch (r.target()) {
                case Relocation.Address a -> bases.get(a.section()) + a.offset();
                case FunctionRef f -> functionAddress.applyAsLong(f);
            };
            MEMORY.set(JAVA_LONG, bases.get(r.section()) + r.offset(), value);
        }
        var mapped = new MappedImage(image, bases);
        if (allocations != null) {
            for (Prebuilt p : image.objects()) {
                allocations.add(mapped.addressOf(p), p.size(), p.type(), p.length(), true, p.section() == Section.RODATA);
            }
        }
        return mapped;
    }

    public long loadSigned(long ptr, long offset) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.SIGNED, false);
        }
        return MEMORY.get(JAVA_LONG, ptr + offset);
    }

    public void storeSigned(long ptr, long offset, long value) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.SIGNED, true);
        }
        MEMORY.set(JAVA_LONG, ptr + offset, value);
    }

    public long loadUnsigned(long ptr, long offset) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.UNSIGNED, false);
        }
        return MEMORY.get(JAVA_LONG, ptr + offset);
    }

    public void storeUnsigned(long ptr, long offset, long value) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.UNSIGNED, true);
        }
        MEMORY.set(JAVA_LONG, ptr + offset, value);
    }

    public double loadFloat(long ptr, long offset) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.FLOAT, false);
        }
        return MEMORY.get(JAVA_DOUBLE, ptr + offset);
    }

    public void storeFloat(long ptr, long offset, double value) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.FLOAT, true);
        }
        MEMORY.set(JAVA_DOUBLE, ptr + offset, value);
    }

    public boolean loadBool(long ptr, long offset) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.BOOL, false);
        }
        return MEMORY.get(JAVA_BYTE, ptr + offset) != 0;
    }

    public void storeBool(long ptr, long offset, boolean value) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.BOOL, true);
        }
        MEMORY.set(JAVA_BYTE, ptr + offset, (byte) (value ? 1 : 0));
    }

    /** A {@code Char}: the byte 0..255. */
    public char loadChar(long ptr, long offset) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.CHAR, false);
        }
        return (char) (MEMORY.get(JAVA_BYTE, ptr + offset) & 0xFF);
    }

    public void storeChar(long ptr, long offset, char value) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.CHAR, true);
            if (value > 0xFF && allocations != null) {
                throw new CheckedMemoryError("store of Char " + (int) value + ": a Char is a byte 0..255");
            }
        }
        MEMORY.set(JAVA_BYTE, ptr + offset, (byte) value);
    }

    /** A field of type {@code Address} ({@code llmemory}). */
    public long loadAddress(long ptr, long offset) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.ADDRESS, false);
        }
        return MEMORY.get(JAVA_LONG, ptr + offset);
    }

    public void storeAddress(long ptr, long offset, long address) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.ADDRESS, true);
        }
        MEMORY.set(JAVA_LONG, ptr + offset, address);
    }

    /** A pointer field: an address, 0 for null. */
    public long loadPtr(long ptr, long offset) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.PTR, false);
        }
        return MEMORY.get(JAVA_LONG, ptr + offset);
    }

    public void storePtr(long ptr, long offset, long address) {
        if (ptr == 0 || allocations != null) {
            validate(ptr, offset, Kind.PTR, true);
        }
        MEMORY.set(JAVA_LONG, ptr + offset, address);
    }

    /** Frees every object at once (a second close does nothing). */
    @Override
    public void close() {
        if (!arena.scope().isAlive()) {
            return;
        }
        if (allocations != null) {
            allocations.clear();
        }
        rawBlocks.clear();
        freeBlocks.clear();
        quarantine.clear();
        arena.close();
    }

    private void validate(long ptr, long offset, Kind kind, boolean store) {
        if (ptr == 0) {
            throw new CheckedMemoryError((store ? "store" : "load") + " of " + kind + " at offset " + offset + " through a null pointer");
        }
        allocations.check(ptr, offset, kind, store);
    }

    private static long roundUp(long n) {
        return (n + Layout.WORD - 1) / Layout.WORD * Layout.WORD;
    }
}
