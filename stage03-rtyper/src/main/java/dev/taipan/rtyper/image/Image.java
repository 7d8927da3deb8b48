package dev.taipan.rtyper.image;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The prebuilt data of a translated program, laid out once: for each {@link Section} a block of
 * bytes, the list of {@link Relocation}s that patch pointer words once the sections have
 * addresses, and where each prebuilt object is. The bytes do not depend on any address, so the
 * same image serves the llinterp (the heap's {@code map} copies it into native memory), the ELF
 * writer of stage 05 (it writes the bytes and turns the relocations into ELF ones) and the
 * in-process loader. Made by {@link Database#layout()}, through its {@link ImageLinker}.
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

    /**
     * An image of two sections' bytes, the relocations that patch them, every object in the order
     * placed, and where each one is (an {@link ImageLinker}'s result).
     */
    public Image(byte[] rodata, byte[] data, List<Relocation> relocations, List<Prebuilt> objects,
                 Map<Prebuilt, Placement> placements) {
        this.rodata = rodata.clone();
        this.data = data.clone();
        this.relocations = List.copyOf(relocations);
        this.objects = List.copyOf(objects);
        this.placements = Map.copyOf(placements);
        check();
    }

    /**
     * Refuses an image a loader could not map safely: an object not wholly inside its own
     * section, a relocated word or an address outside its section. (A loader writes
     * relocations without further checks; a wrong image must fail here, not corrupt memory.)
     */
    private void check() {
        if (!placements.keySet().equals(Set.copyOf(objects)) || placements.size() != objects.size()) {
            throw new IllegalArgumentException("an image must place each of its objects once, and nothing else");
        }
        for (Prebuilt p : objects) {
            Placement at = placements.get(p);
            if (at.section() != p.section() || at.offset() < 0 || at.offset() + p.size() > size(at.section())) {
                throw new IllegalArgumentException(p + " placed at " + at + ": not inside its section " + p.section()
                        + " (" + size(p.section()) + " bytes)");
            }
        }
        for (Relocation r : relocations) {
            if (r.offset() < 0 || r.offset() + Long.BYTES > size(r.section())) {
                throw new IllegalArgumentException(r + ": the word is not inside " + r.section()
                        + " (" + size(r.section()) + " bytes)");
            }
            if (r.target() instanceof Relocation.Address a && (a.offset() < 0 || a.offset() > size(a.section()))) {
                throw new IllegalArgumentException(r + ": the address is not inside " + a.section()
                        + " (" + size(a.section()) + " bytes)");
            }
        }
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
