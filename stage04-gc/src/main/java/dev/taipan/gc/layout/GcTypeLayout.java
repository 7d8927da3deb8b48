package dev.taipan.gc.layout;

import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.ContainerType;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import java.util.ArrayList;
import java.util.List;

/**
 * The reference {@link TypeLayouter} (PyPy's {@code gctypelayout.py}, {@code encode_type_shape}
 * and {@code offsets_to_gc_pointers}): a walk over the type that collects the offset of every
 * pointer to a GC object, descending into inlined structs (a subclass's parent, a struct field)
 * because their pointers are the object's own words. An inlined array is the var part: it is
 * described once, as one item, since the collector walks the items itself.
 */
public final class GcTypeLayout implements TypeLayouter {

    @Override
    public TypeInfo describe(int id, ContainerType type) {
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
