package dev.taipan.rtyper.memory;

import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * What sits at each offset of an object of one type, flattened for the checked heap: the GC
 * header, every value field (the fields of inlined structs under dotted names, {@code super.x}),
 * the length word; and, for var-sized types, the fields of one item, repeated from the first
 * item on. It answers "what is at offset n?" for any object of the type.
 */
final class Shape {

    /** A range holding one value; {@code kind} is null for the GC header, which no field access may touch. */
    record Entry(long offset, long size, Kind kind, String name) {
    }

    /** What covers an offset: an entry (named as in the object: {@code item 3.x}) starting at {@code start}. */
    record Found(Entry entry, String name, long start) {
    }

    private static final Entry GC_HEADER = new Entry(0, Layout.GC_HEADER_SIZE, null, "the GC header");

    private final List<Entry> fixed = new ArrayList<>();
    private final List<Entry> item = new ArrayList<>();
    private final long itemsOffset;
    private final long itemSize;

    Shape(ContainerType type) {
        if (type.isGc()) {
            fixed.add(GC_HEADER);
        }
        values(type, 0, "", fixed);
        long items = -1;
        ArrayType varPart = null;
        switch (type) {
            case ArrayType a -> {
                varPart = a;
                items = Layout.itemsOffset(a);
            }
            case StructType s when s.isVarsize() -> {
                Field f = s.arrayField().orElseThrow();
                varPart = (Array) f.type();
                items = Layout.offsetOf(s, f.name()) + Layout.itemsOffset(varPart);
            }
            default -> { }
        }
        itemsOffset = items;
        itemSize = varPart == null ? 0 : Layout.itemSize(varPart);
        if (varPart != null) {
            values(varPart.item(), 0, "", item);
        }
    }

    /** What covers {@code offset} (of an object, within its bounds); a null entry means padding. */
    Found at(long offset) {
        if (itemSize > 0 && offset >= itemsOffset) {
            long index = (offset - itemsOffset) / itemSize;
            long within = (offset - itemsOffset) % itemSize;
            Entry e = covering(item, within);
            String name = e == null ? "" : "item " + index + (e.name().isEmpty() ? "" : "." + e.name());
            return new Found(e, name, offset - within + (e == null ? within : e.offset()));
        }
        Entry e = covering(fixed, offset);
        return new Found(e, e == null ? "" : e.name(), e == null ? offset : e.offset());
    }

    /** The entry that starts at or before {@code offset} and reaches past it, or null. */
    private static Entry covering(List<Entry> entries, long offset) {
        int lo = 0;
        int hi = entries.size() - 1;
        Entry best = null;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (entries.get(mid).offset() <= offset) {
                best = entries.get(mid);
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best != null && offset < best.offset() + best.size() ? best : null;
    }

    /** The value-holding entries of a value, or of an inlined container's fixed part, at {@code offset}. */
    private static void values(LowLevelType type, long offset, String name, List<Entry> out) {
        switch (type) {
            case Primitive p -> {
                if (p != Primitive.VOID) {
                    out.add(new Entry(offset, Layout.sizeOf(p), kindOf(p), name));
                }
            }
            case Ptr _ -> out.add(new Entry(offset, Layout.WORD, Kind.PTR, name));
            case StructType s -> {
                for (Field f : s.fields()) {
                    values(f.type(), offset + Layout.offsetOf(s, f.name()), join(name, f.name()), out);
                }
            }
            case ArrayType a -> out.add(new Entry(offset + Layout.lengthOffset(a), Layout.WORD, Kind.SIGNED, join(name, "length")));
            case FuncType f -> throw new IllegalArgumentException("a function is not data: " + f);
        }
    }

    private static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static Kind kindOf(Primitive p) {
        return switch (p) {
            case SIGNED -> Kind.SIGNED;
            case UNSIGNED -> Kind.UNSIGNED;
            case FLOAT -> Kind.FLOAT;
            case BOOL -> Kind.BOOL;
            case CHAR -> Kind.CHAR;
            case ADDRESS -> Kind.ADDRESS;
            case VOID -> throw new IllegalArgumentException("Void is never stored");
        };
    }
}
