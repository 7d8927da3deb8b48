package dev.taipan.rtyper.image;

import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;

/**
 * A place inside a prebuilt object: a field, an item, or a field of an inlined struct of an
 * item, reached as the low-level operations reach it ({@code getsubstruct},
 * {@code getinteriorfield}). {@code str.field("chars").item(3).set('a')} is
 * {@code setinteriorfield(str, 'chars', 3, 'a')} done at translation time.
 *
 * <p>Values are Java constants (see {@link Primitive#holds}); a pointer is {@code null}, a
 * {@link Prebuilt} or a {@link FunctionRef}, checked against the pointer's type so that the
 * image can only hold what the program could have stored.
 */
public final class Slot {

    private final Prebuilt owner;
    private final LowLevelType type;
    private final long offset;
    private final String path;

    Slot(Prebuilt owner, LowLevelType type, long offset, String path) {
        this.owner = owner;
        this.type = type;
        this.offset = offset;
        this.path = path;
    }

    public LowLevelType type() {
        return type;
    }

    /** The offset from the start of the object. */
    public long offset() {
        return offset;
    }

    /** A field of the struct here. */
    public Slot field(String name) {
        if (!(type instanceof StructType s)) {
            throw new IllegalArgumentException(this + " is a " + type + ": it has no field '" + name + "'");
        }
        return new Slot(owner, s.field(name).type(), offset + Layout.offsetOf(s, name), path + "." + name);
    }

    /** An item of the array here. */
    public Slot item(long index) {
        if (!(type instanceof ArrayType a)) {
            throw new IllegalArgumentException(this + " is a " + type + ": it has no items");
        }
        if (index < 0 || index >= owner.length()) {
            throw new IndexOutOfBoundsException(this + " has " + owner.length() + " items: no item " + index);
        }
        return new Slot(owner, a.item(), offset + Layout.itemOffset(a, index), path + "[" + index + "]");
    }

    public void set(Object value) {
        switch (type) {
            case Primitive p when p == Primitive.ADDRESS && value instanceof Prebuilt target ->
                    owner.point(offset, target);   // the object's address, relocated as a pointer is (stage 04's root tables)
            case Primitive p -> {
                if (!p.holds(value)) {
                    throw new IllegalArgumentException(this + " is a " + p + ": cannot hold " + describe(value));
                }
                owner.write(offset, p, value);
            }
            case Ptr ptr -> {
                if (value != null && !canPoint(ptr, value)) {
                    throw new IllegalArgumentException(this + " is a " + ptr + ": cannot point to " + describe(value));
                }
                owner.point(offset, (Pointee) value);
            }
            case ContainerType c -> throw new IllegalArgumentException(
                    this + " is an inlined " + c + ": set its fields or items, not the whole");
        }
    }

    public Object get() {
        return switch (type) {
            case Primitive p when p == Primitive.ADDRESS && owner.pointee(offset) != null -> owner.pointee(offset);
            case Primitive p -> owner.read(offset, p);
            case Ptr _ -> owner.pointee(offset);
            case ContainerType c -> throw new IllegalArgumentException(this + " is an inlined " + c + ", not a value");
        };
    }

    /** A pointer holds an object of its type, or of a type that starts with it (an upcast). */
    private static boolean canPoint(Ptr ptr, Object value) {
        return switch (value) {
            case Prebuilt p -> p.type().equals(ptr.to())
                    || p.type() instanceof StructType s && ptr.to() instanceof StructType to && s.startsWith(to);
            case FunctionRef f -> ptr.to() instanceof FuncType t && t.equals(f.type());
            default -> false;
        };
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case Prebuilt p -> "a prebuilt " + p.type();
            case FunctionRef f -> "function " + f.name() + " " + f.type();
            default -> value + " (" + value.getClass().getSimpleName() + ")";
        };
    }

    @Override
    public String toString() {
        return path;
    }
}
