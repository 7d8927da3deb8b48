package dev.taipan.rtyper.image;

import dev.taipan.rtyper.lltype.Layout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The reference {@link ImageLinker}, what a linker does with the data of object files, on
 * objects instead of files:
 * <ol>
 *   <li><b>Which objects.</b> The converted ones in conversion order, then those only pointers
 *       reach (a string a prebuilt table points to, never converted itself), breadth first,
 *       each object's pointers in offset order; each object once, however many point to it, so
 *       cycles end. A worklist, not recursion: a prebuilt list of a million nodes is fine.
 *   <li><b>Where.</b> One after another in the object's {@link Section}, each at the next
 *       multiple of a word (every object starts word-aligned, as the heap's objects do), each
 *       section's size rounded up to a word.
 *   <li><b>The bytes.</b> Each object's bytes at its place; the gaps are 0, and so are the
 *       pointer words.
 *   <li><b>The relocations.</b> One per non-null pointer: the word at the object's place plus
 *       the pointer's offset must hold the address of the target object's place, or of the
 *       function a {@link FunctionRef} names.
 * </ol>
 */
public final class SectionLinker implements ImageLinker {

    @Override
    public Image link(List<Prebuilt> converted) {
        List<Prebuilt> objects = reachable(converted);
        Map<Prebuilt, Image.Placement> placements = new HashMap<>();
        Map<Section, Long> sizes = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            sizes.put(s, 0L);
        }
        for (Prebuilt p : objects) {
            long offset = roundUp(sizes.get(p.section()));
            placements.put(p, new Image.Placement(p.section(), offset));
            sizes.put(p.section(), offset + p.size());
        }
        Map<Section, byte[]> bytes = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            bytes.put(s, new byte[Math.toIntExact(roundUp(sizes.get(s)))]);
        }
        List<Relocation> relocations = new ArrayList<>();
        for (Prebuilt p : objects) {
            Image.Placement at = placements.get(p);
            System.arraycopy(p.bytes(), 0, bytes.get(at.section()), (int) at.offset(), p.size());
            p.pointers().forEach((offset, pointee) -> relocations.add(new Relocation(at.section(), at.offset() + offset,
                    switch (pointee) {
                        case Prebuilt q -> new Relocation.Address(placements.get(q).section(), placements.get(q).offset());
                        case FunctionRef f -> f;
                    })));
        }
        return new Image(bytes.get(Section.RODATA), bytes.get(Section.DATA), relocations, objects, placements);
    }

    /** The converted objects in conversion order, then those only pointers reach, breadth first. */
    private static List<Prebuilt> reachable(List<Prebuilt> converted) {
        var seen = new LinkedHashSet<>(converted);
        var work = new ArrayDeque<>(converted);
        while (!work.isEmpty()) {
            for (Pointee target : work.poll().pointers().values()) {
                if (target instanceof Prebuilt q && seen.add(q)) {
                    work.add(q);
                }
            }
        }
        return List.copyOf(seen);
    }

    private static long roundUp(long n) {
        return (n + Layout.WORD - 1) / Layout.WORD * Layout.WORD;
    }
}
