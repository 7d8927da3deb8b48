package dev.taipan.rtyper.image;

import java.util.List;
import java.util.Map;

/**
 * The prebuilt data of a translated program, laid out once: for each {@link Section} a block of
 * bytes, the list of {@link Relocation}s that patch pointer words once the sections have
 * addresses, and where each prebuilt object is. The bytes do not depend on any address, so the
 * same image serves the llinterp (the heap's {@code map} copies it into native memory), the ELF
 * writer of stage 05 (it writes the bytes and turns the relocations into ELF ones) and the
 * in-process loader. Made by {@link Database#layout()}.
 */
public final class Image {

    /** Where an object is: its section and its offset from the section's start. */
    public record Placement(Section section, long offset) {
    }

    private final byte[] rodata;
    private final byte[] data;
    private final List<Relocation> relocations;
    private final List<Prebuilt> objects;
    private final Map<Prebuilt, Placement> placements;

    Image(byte[] rodata, byte[] data, List<Relocation> relocations, List<Prebuilt> objects, Map<Prebuilt, Placement> placements) {
        this.rodata = rodata;
        this.data = data;
        this.relocations = List.copyOf(relocations);
        this.objects = List.copyOf(objects);
        this.placements = Map.copyOf(placements);
    }

    /** A copy of a section's bytes (pointer words 0: see {@link #relocations()}). */
    public byte[] bytes(Section section) {
        return sectionBytes(section).clone();
    }

    public int size(Section section) {
        return sectionBytes(section).length;
    }

    public List<Relocation> relocations() {
        return relocations;
    }

    /** Every object in the image, in the order they were placed. */
    public List<Prebuilt> objects() {
        return objects;
    }

    public Placement placement(Prebuilt object) {
        Placement p = placements.get(object);
        if (p == null) {
            throw new IllegalArgumentException(object + " is not in the image (convert it through the Database before layout)");
        }
        return p;
    }

    private byte[] sectionBytes(Section section) {
        return switch (section) {
            case RODATA -> rodata;
            case DATA -> data;
        };
    }
}
