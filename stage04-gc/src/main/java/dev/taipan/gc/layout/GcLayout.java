package dev.taipan.gc.layout;

import dev.taipan.rtyper.Exercised;
import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lltype.Array;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Struct;
import java.util.ArrayList;
import java.util.List;

/**
 * A program's data as a collector sees it, added to its image:
 * <ul>
 *   <li>the type ids ({@link TypeIds}) and their table ({@link TypeInfoTable});
 *   <li>every prebuilt GC object's header written: its type id, and the flags the collector
 *       wants prebuilt objects to carry (a generational one marks them old);
 *   <li>the <b>static roots</b>: one {@code (address, type id, gc)} triple per prebuilt object in
 *       writable data that holds GC pointers (a prebuilt instance, a prebuilt list, the
 *       {@code exc_data} of the pending exception). Prebuilt objects never move and are never
 *       freed, but the program may store a new object into one, so their fields are roots.
 *       Read-only objects can only point to other prebuilt objects and need not be traced.
 *       {@code gc} is 1 for a GC object: a generational collector's minor collection skips
 *       those (the write barrier tells it which of them got young pointers) but must always
 *       trace the raw ones ({@code exc_data}), which have no header for a barrier to flag;
 *   <li>the <b>shadow stack</b>'s top, {@code shadowstack {top: Address}}, a word in writable
 *       data that the code around each call moves and the collector reads.
 * </ul>
 * The image is laid out again with them; the graphs are unchanged. The prebuilt objects are the
 * program's own: their headers are written in place, so the program given is consumed.
 */
public record GcLayout(TypeIds ids, Prebuilt typeInfo, Prebuilt staticRoots, Prebuilt shadowStack,
                       LowLevelProgram program) {

    public static final Struct STATIC_ROOT = Struct.of("static_root",
            new Field("address", Primitive.ADDRESS), new Field("typeid", Primitive.SIGNED), new Field("gc", Primitive.SIGNED));
    public static final Array STATIC_ROOTS = new Array(STATIC_ROOT);
    public static final Struct SHADOWSTACK = Struct.of("shadowstack", new Field("top", Primitive.ADDRESS));

    public static GcLayout of(LowLevelProgram program, long prebuiltFlags) {
        TypeIds ids = TypeIds.of(program);
        List<Prebuilt> objects = new ArrayList<>(program.image().objects());
        List<Prebuilt> roots = new ArrayList<>();
        for (Prebuilt p : objects) {
            if (p.type().isGc()) {
                p.setGcHeader(GcHeader.word(ids.idOf(p.type()), prebuiltFlags | GcHeader.PREBUILT));
            }
            if (p.section() == Section.DATA && holdsGcPointers(p)) {
                roots.add(p);
            }
        }
        Prebuilt staticRoots = new Prebuilt(STATIC_ROOTS, roots.size(), Section.RODATA);
        for (int i = 0; i < roots.size(); i++) {
            staticRoots.item(i).field("address").set(roots.get(i));
            staticRoots.item(i).field("typeid").set((long) ids.idOf(roots.get(i).type()));
            staticRoots.item(i).field("gc").set(roots.get(i).type().isGc() ? 1L : 0L);
        }
        Prebuilt typeInfo = TypeInfoTable.build(ids);   // after the static roots: their raw types have ids too
        Prebuilt shadowStack = new Prebuilt(SHADOWSTACK, Section.DATA);
        objects.addAll(List.of(typeInfo, staticRoots, shadowStack));
        Image image = Exercised.IMAGE_LINKER.current().link(objects);
        return new GcLayout(ids, typeInfo, staticRoots, shadowStack,
                new LowLevelProgram(program.graphs(), program.entry(), image, program.exceptions()));
    }

    /** Whether the prebuilt object has a field (or an item) that holds a GC pointer. */
    private static boolean holdsGcPointers(Prebuilt p) {
        TypeInfo shape = TypeInfo.of(0, p.type());   // its shape only: an id is given when it is a root
        return !shape.ptrOffsets().isEmpty() || shape.varsize() && p.length() > 0 && !shape.itemPtrOffsets().isEmpty();
    }
}
