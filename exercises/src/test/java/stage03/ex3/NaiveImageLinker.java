package stage03.ex3;

import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.ImageLinker;
import dev.taipan.rtyper.image.Pointee;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Relocation;
import dev.taipan.rtyper.image.Section;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * A plausible wrong answer to stage03/ex3 for the self-check: the objects, their order, their
 * bytes and the relocations are right, but the objects are packed one right after the other,
 * not each at a multiple of a word, so an object after a string of odd length is misaligned.
 * The contract must take points off it.
 */
public final class NaiveImageLinker implements ImageLinker {
    @Override
    public Image link(List<Prebuilt> converted) {
        var objects = new LinkedHashSet<>(converted);
        var work = new ArrayDeque<>(converted);
        while (!work.isEmpty()) {
            for (Pointee target : work.poll().pointers().values()) {
                if (target instanceof Prebuilt q && objects.add(q)) {
                    work.add(q);
                }
            }
        }
        Map<Prebuilt, Image.Placement> placements = new HashMap<>();
        Map<Section, Long> ends = new EnumMap<>(Map.of(Section.RODATA, 0L, Section.DATA, 0L));
        for (Prebuilt p : objects) {
            placements.put(p, new Image.Placement(p.section(), ends.get(p.section())));
            ends.put(p.section(), ends.get(p.section()) + p.size());
        }
        Map<Section, byte[]> bytes = new EnumMap<>(Section.class);
        for (Section s : Section.values()) {
            bytes.put(s, new byte[Math.toIntExact(ends.get(s))]);
        }
        List<Relocation> relocations = new ArrayList<>();
        for (Prebuilt p : objects) {
            Image.Placement at = placements.get(p);
            System.arraycopy(p.bytes(), 0, bytes.get(at.section()), (int) at.offset(), p.size());
            p.pointers().forEach((offset, target) -> relocations.add(new Relocation(at.section(), at.offset() + offset,
                    switch (target) {
                        case Prebuilt q -> new Relocation.Address(q.section(), placements.get(q).offset());
                        case FunctionRef f -> f;
                    })));
        }
        return new Image(bytes.get(Section.RODATA), bytes.get(Section.DATA), relocations, List.copyOf(objects), placements);
    }
}
