package dev.taipan.rtyper.memory;

import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import java.util.Map;

/** An {@link Image} placed in a heap's memory: where each section landed, hence where each prebuilt object is. */
public final class MappedImage {

    private final Image image;
    private final Map<Section, Long> bases;

    MappedImage(Image image, Map<Section, Long> bases) {
        this.image = image;
        this.bases = Map.copyOf(bases);
    }

    public Image image() {
        return image;
    }

    /** The address of a section's first byte. */
    public long base(Section section) {
        return bases.get(section);
    }

    /** The address of a prebuilt object: what a constant pointer to it is at run time. */
    public long addressOf(Prebuilt object) {
        Image.Placement p = image.placement(object);
        return base(p.section()) + p.offset();
    }
}
