package dev.taipan.rtyper.image;

import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.Primitive;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A low-level object built at translation time, PyPy's {@code _struct}/{@code _array}
 * "container" as the C database sees it: a prebuilt string, a vtable, a frozen prebuilt
 * instance, a function table. It has identity (two equal strings may still be two objects; the
 * rtyper decides when to share), a type, a length when var-sized, and the {@link Section} it
 * belongs in.
 *
 * <p>It holds its contents as the very bytes it will have in memory, laid out by {@link Layout},
 * little-endian as on x86-64: the GC header 0, the length word written, every value stored where
 * the program will load it. Pointers are the exception, because their value depends on where the
 * image is placed: their bytes stay 0 and the object remembers what each one points to; the
 * {@link Database} turns those into relocations. So an image is nothing more than these bytes
 * put end to end.
 *
 * <p>Fields are reached through {@link Slot}s: {@code p.field("x").set(42L)}.
 */
public final class Prebuilt implements Pointee {

    private final ContainerType type;
    private final long length;
    private final Section section;
    private final byte[] bytes;
    private final ByteBuffer view;
    private final TreeMap<Long, Pointee> pointers = new TreeMap<>();

    /** A fixed-size object. */
    public Prebuilt(ContainerType type, Section section) {
        if (Layout.isVarsize(type)) {
            throw new IllegalArgumentException(type + " is var-sized: give the prebuilt object its length");
        }
        this(type, 0, section, false);
    }

    /** A var-sized object (an array, or a struct ending in one) of {@code length} items. */
    public Prebuilt(ContainerType type, long length, Section section) {
        if (!Layout.isVarsize(type)) {
            throw new IllegalArgumentException(type + " has a fixed size: it takes no length");
        }
        this(type, length, section, true);
    }

    private Prebuilt(ContainerType type, long length, Section section, boolean varsize) {
        if (type instanceof FuncType f) {
            throw new IllegalArgumentException("a function is not prebuilt data: point to it with a FunctionRef (" + f + ")");
        }
        this.type = type;
        this.length = length;
        this.section = section;
        long size = varsize ? Layout.sizeOf(type, length) : Layout.sizeOf(type);
        if (size > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a prebuilt " + type + " of " + size + " bytes is too big");
        }
        this.bytes = new byte[(int) size];
        this.view = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        if (varsize) {
            view.putLong((int) Layout.lengthOffset(type), length);
        }
    }

    public ContainerType type() {
        return type;
    }

    /** The number of items of a var-sized object; 0 for a fixed-size one. */
    public long length() {
        return length;
    }

    public Section section() {
        return section;
    }

    /** The bytes the object covers. */
    public int size() {
        return bytes.length;
    }

    /** A field of a struct, or of the struct that ends in an array. */
    public Slot field(String name) {
        return root().field(name);
    }

    /** An item of an array. */
    public Slot item(long index) {
        return root().item(index);
    }

    /**
     * Writes the GC header word (offset 0 of a GC object). Stage 03 leaves it 0; stage 04's GC
     * transformer writes the object's type id and the collector's flags there before the image
     * is laid out again, so a prebuilt object looks to the collector like one it allocated.
     */
    public void setGcHeader(long word) {
        if (!type.isGc()) {
            throw new IllegalArgumentException(this + " has no GC header: it is not a GC object");
        }
        view.putLong(0, word);
    }

    /** The GC header word: 0 until stage 04 writes it. */
    public long gcHeader() {
        if (!type.isGc()) {
            throw new IllegalArgumentException(this + " has no GC header: it is not a GC object");
        }
        return view.getLong(0);
    }

    /** A copy of the object's bytes (pointers as 0: see {@link #pointers()}). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The non-null pointers, by offset from the object's start: what each pointer word will hold the address of. */
    public SortedMap<Long, Pointee> pointers() {
        return Collections.unmodifiableSortedMap(pointers);
    }

    void write(long offset, Primitive type, Object value) {
        int at = (int) offset;
        switch (type) {
            case SIGNED, UNSIGNED -> view.putLong(at, (Long) value);
            case ADDRESS -> {
                // As a number, NULL is the only one: an address into the image is set as its
                // Prebuilt (a relocation, see Slot.set), and one into memory that exists only at
                // run time (a raw block) has no value yet.
                if ((Long) value != 0) {
                    throw new IllegalArgumentException("a prebuilt Address is NULL (0), not 0x" + Long.toHexString((Long) value)
                            + ": an address is only known at run time");
                }
                view.putLong(at, 0);
            }
            case FLOAT -> view.putDouble(at, (Double) value);
            case BOOL -> view.put(at, (byte) ((Boolean) value ? 1 : 0));
            case CHAR -> view.put(at, (byte) (char) (Character) value);
            case VOID -> { }
        }
    }

    Object read(long offset, Primitive type) {
        int at = (int) offset;
        return switch (type) {
            case SIGNED, UNSIGNED, ADDRESS -> view.getLong(at);
            case FLOAT -> view.getDouble(at);
            case BOOL -> view.get(at) != 0;
            case CHAR -> (char) (view.get(at) & 0xFF);
            case VOID -> null;
        };
    }

    void point(long offset, Pointee target) {
        if (target == null) {
            pointers.remove(offset);
        } else {
            pointers.put(offset, target);
        }
    }

    Pointee pointee(long offset) {
        return pointers.get(offset);
    }

    private Slot root() {
        return new Slot(this, type, 0, "prebuilt " + type);
    }

    @Override
    public String toString() {
        return "prebuilt " + type + (Layout.isVarsize(type) ? " of length " + length : "");
    }
}
