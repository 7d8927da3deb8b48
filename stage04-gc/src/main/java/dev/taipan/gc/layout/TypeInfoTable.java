package dev.taipan.gc.layout;

import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.image.Slot;
import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.Struct;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The type information of a program as data in its image, one table the collectors read at
 * run time (in the llinterp and, unchanged, in native code), PyPy's {@code type_info_group}:
 * item {@code id} of a read-only array describes the type of id {@code id} (item 0 is unused:
 * no object has type id 0, see {@link GcHeader}).
 *
 * <pre>
 * Struct type_info { fixedsize, ofstolength, ofstovar, varitemsize: Signed;
 *                    ofstoptrs, varofstoptrs: Ptr(Array(Signed)) }
 * </pre>
 *
 * {@code ofstolength} is -1 for a fixed-size type. The offset lists are read-only arrays too,
 * shared between types with the same list (most types have none, or one).
 */
public final class TypeInfoTable {
    /** An array of byte offsets. */
    public static final Array OFFSETS = new Array(Primitive.SIGNED);
    public static final Struct TYPE_INFO = Struct.of("type_info",
            new Field("fixedsize", Primitive.SIGNED),
            new Field("ofstolength", Primitive.SIGNED),
            new Field("ofstovar", Primitive.SIGNED),
            new Field("varitemsize", Primitive.SIGNED),
            new Field("ofstoptrs", new Ptr(OFFSETS)),
            new Field("varofstoptrs", new Ptr(OFFSETS)));
    /** The table: item {@code id} is the type id's {@code type_info}. */
    public static final Array TABLE = new Array(TYPE_INFO);

    private TypeInfoTable() { }

    /** The table of {@code ids} as a prebuilt object (in RODATA), with the offset arrays it points to. */
    public static Prebuilt build(TypeIds ids) {
        List<TypeInfo> all = ids.all();
        Prebuilt table = new Prebuilt(TABLE, all.size() + 1L, Section.RODATA);
        Map<List<Long>, Prebuilt> shared = new HashMap<>();
        for (TypeInfo t : all) {
            Slot item = table.item(t.id());
            item.field("fixedsize").set(t.fixedSize());
            item.field("ofstolength").set(t.varsize() ? t.lengthOffset() : -1L);
            item.field("ofstovar").set(t.itemsOffset());
            item.field("varitemsize").set(t.itemSize());
            item.field("ofstoptrs").set(offsets(t.ptrOffsets(), shared));
            item.field("varofstoptrs").set(offsets(t.itemPtrOffsets(), shared));
        }
        return table;
    }

    private static Prebuilt offsets(List<Long> offsets, Map<List<Long>, Prebuilt> shared) {
        return shared.computeIfAbsent(offsets, list -> {
            Prebuilt a = new Prebuilt(OFFSETS, list.size(), Section.RODATA);
            for (int i = 0; i < list.size(); i++) {
                a.item(i).set(list.get(i));
            }
            return a;
        });
    }
}
