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
import java.util.EnumMap;
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
 * its own block. Nothing is freed before {@link #close()}: stage 03 has no GC (stage 04 brings
 * them, written in RPy, allocating their spaces here).
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

    private final Arena arena = Arena.ofShared();
    /** The checked mode's record of live objects; null in the fast heap. */
    private final Allocations allocations;
    private long top;
    private long end;

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
        long room = roundUp(Math.max(size, 1)) + (allocations != null ? RED_ZONE : 0);
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
        if (allocations != null) {
            allocations.add(p, size, type, length, false, false);
        }
        return p;
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
