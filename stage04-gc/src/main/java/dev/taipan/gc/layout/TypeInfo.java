package dev.taipan.gc.layout;

import dev.taipan.gc.Exercised;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
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
     * since it has no header to name its type. Computed by the current {@link TypeLayouter}
     * ({@link Exercised#TYPE_LAYOUT}: {@link GcTypeLayout} unless an exercise names another).
     */
    public static TypeInfo of(int id, ContainerType type) {
        if (type instanceof FuncType f) {
            throw new IllegalArgumentException(f + " is a function: no collector traces it");
        }
        return Exercised.TYPE_LAYOUT.current().describe(id, type);
    }

    /** The bytes an object of this type with {@code length} items covers (word-aligned, as every object starts). */
    public long sizeOf(long length) {
        long size = varsize ? fixedSize + length * itemSize : fixedSize;
        return (size + Layout.WORD - 1) / Layout.WORD * Layout.WORD;
    }
}
