package stage04.ex1;

import dev.taipan.gc.layout.TypeInfo;
import dev.taipan.gc.layout.TypeLayouter;
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
 * A plausible wrong answer to stage04/ex1 for the self-check: sizes, the var part and the kinds
 * of pointers are right, but only the struct's own fields are looked at, never the fields of an
 * inlined struct. So a subclass loses its parent's pointers (the parent is its first field), and
 * a collector that traces by this map leaves the objects they point to behind.
 */
public final class NaiveTypeLayout implements TypeLayouter {
    @Override
    public TypeInfo describe(int id, ContainerType type) {
        List<Long> fixed = type instanceof StructType s ? directPointers(s) : List.of();
        if (!Layout.isVarsize(type)) {
            return new TypeInfo(id, type, Layout.sizeOf(type), fixed, false, 0, 0, 0, List.of());
        }
        ArrayType array = type instanceof ArrayType a ? a : (ArrayType) ((StructType) type).arrayField().orElseThrow().type();
        LowLevelType item = array.item();
        List<Long> items = item instanceof StructType s ? directPointers(s) : isGcPointer(item) ? List.of(0L) : List.of();
        long itemsOffset = Layout.sizeOf(type, 0);
        return new TypeInfo(id, type, itemsOffset, fixed, true, Layout.lengthOffset(type), itemsOffset,
                Layout.itemSize(array), items);
    }

    private static List<Long> directPointers(StructType s) {
        List<Long> out = new ArrayList<>();
        for (Field f : s.fields()) {
            if (isGcPointer(f.type())) {
                out.add(Layout.offsetOf(s, f.name()));
            }
        }
        return out;
    }

    private static boolean isGcPointer(LowLevelType t) {
        return t instanceof Ptr p && p.to().isGc();
    }
}
