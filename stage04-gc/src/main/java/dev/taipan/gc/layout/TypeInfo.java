package dev.taipan.gc.layout;

import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * What a collector must know of one type of GC object to trace, copy and free it without
 * knowing the type itself, PyPy's {@code gctypelayout.TYPE_INFO}: every object's header names
 * its type id, and the id finds this.
 *
 * <ul>
 *   <li>{@code fixedSize}: the bytes of the object, or of its fixed part when var-sized (then
 *       {@code fixedSize + length * itemSize}, rounded up to a word, is its size);
 *   <li>{@code ptrOffsets}: where the fixed part holds pointers to GC objects (the roots of
 *       tracing), inlined parents and structs included; pointers to raw memory, vtables and
 *       functions are not there, since no collector follows them;
 *   <li>for a var-sized type: {@code lengthOffset} (the length word), {@code itemsOffset} (item
 *       0), {@code itemSize}, and {@code itemPtrOffsets}, the GC pointers inside one item.
 * </ul>
 *
 * All numbers are bytes, computed by stage 03's {@link Layout}: the collectors, the llinterp and
 * the backend see the same object.
 */
public record TypeInfo(int id, ContainerType type, long fixedSize, List<Long> ptrOffsets, boolean varsize,
                       long lengthOffset, long itemsOffset, long itemSize, List<Long> itemPtrOffsets) {

    public TypeInfo {
        ptrOffsets = List.copyOf(ptrOffsets);
        itemPtrOffsets = List.copyOf(itemPtrOffsets);
    }

    /**
     * The layout of {@code type}, given the id it gets: a GC type, or a raw container that a
     * prebuilt object of the image has and that holds GC pointers ({@code exc_data}, whose
     * pending exception is a root): the collector traces that one as a static root, by its id,
     * since it has no header to name its type.
     */
    public static TypeInfo of(int id, ContainerType type) {
        if (type instanceof FuncType f) {
            throw new IllegalArgumentException(f + " is a function: no collector traces it");
        }
        List<Long> fixed = new ArrayList<>();
        if (type instanceof StructType s) {
            pointersIn(s, 0, fixed);
        }
        if (!Layout.isVarsize(type)) {
            return new TypeInfo(id, type, Layout.sizeOf(type), fixed, false, 0, 0, 0, List.of());
        }
        ArrayType array = varPart(type);
        long itemsOffset = Layout.sizeOf(type, 0);   // the fixed part ends where item 0 starts
        List<Long> items = new ArrayList<>();
        pointersIn(array.item(), 0, items);
        return new TypeInfo(id, type, itemsOffset, fixed, true, Layout.lengthOffset(type), itemsOffset,
                Layout.itemSize(array), items);
    }

    /** The bytes an object of this type with {@code length} items covers (word-aligned, as every object starts). */
    public long sizeOf(long length) {
        long size = varsize ? fixedSize + length * itemSize : fixedSize;
        return (size + Layout.WORD - 1) / Layout.WORD * Layout.WORD;
    }

    /** Offsets of the GC pointers in a value of type {@code t} placed at {@code base}. */
    private static void pointersIn(LowLevelType t, long base, List<Long> into) {
        switch (t) {
            case Ptr p when p.to().isGc() -> into.add(base);
            case StructType s -> {
                for (Field f : s.fields()) {
                    if (!(f.type() instanceof ArrayType)) {   // an inlined array is the var part, traced item by item
                        pointersIn(f.type(), base + Layout.offsetOf(s, f.name()), into);
                    }
                }
            }
            default -> { }
        }
    }

    private static ArrayType varPart(ContainerType type) {
        return switch (type) {
            case ArrayType a -> a;
            case StructType s -> (ArrayType) s.arrayField().orElseThrow().type();
            default -> throw new IllegalArgumentException(type + " has no items");
        };
    }
}
