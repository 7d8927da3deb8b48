package dev.taipan.x86.link;

import dev.taipan.rtyper.image.FunctionRef;
import dev.taipan.rtyper.image.Image;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Section;
import dev.taipan.rtyper.lltype.StructType;
import dev.taipan.x86.asm.Relocation;
import dev.taipan.x86.elf.ProgramSection;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stage 03's {@link Image} as two input sections for the {@link Linker}: its read-only data for
 * {@code .rodata}, its data for {@code .data}.
 *
 * <p>The image was made for exactly this. Its bytes hold 0 in every pointer word, and each such
 * word has an image {@link dev.taipan.rtyper.image.Relocation}: "the word at this offset of this
 * section holds the address of that object" (an offset into either section) or "of that
 * function" (a {@link FunctionRef}, named by its symbol). Both are {@code R_X86_64_64} here:
 * <ul>
 *   <li>an object's address becomes {@code S + A} with {@code S} a label at the start of its
 *       section ({@code image.rodata}, {@code image.data}) and {@code A} the object's offset, so
 *       the image needs no symbol per target;
 *   <li>a function's address becomes a reference to the function's own symbol, which the backend
 *       defines when it emits the function; the linker refuses a function nobody emitted.
 * </ul>
 * Each object is also named ({@code image.rodata.3.rpy_string}: section, position, type), so
 * that code can address a prebuilt constant by symbol, and {@code objdump}/{@code gdb} show
 * what a word points to.
 */
public record ImageInput(List<InputSection> sections, Map<Prebuilt, String> names) {

    public ImageInput {
        sections = List.copyOf(sections);
    }

    /** The symbol naming a prebuilt object of the image. */
    public String symbol(Prebuilt object) {
        String name = names.get(object);
        if (name == null) {
            throw new IllegalArgumentException(object + " is not in this image");
        }
        return name;
    }

    /** The image's sections, their objects named {@code prefix.section.index.type}. */
    public static ImageInput of(Image image, String prefix) {
        var names = new IdentityHashMap<Prebuilt, String>();
        var sections = new ArrayList<InputSection>();
        for (Section section : Section.values()) {
            var definitions = new ArrayList<Definition>();
            definitions.add(new Definition(label(prefix, section), 0, 0));
            List<Prebuilt> objects = image.objects();
            for (int i = 0; i < objects.size(); i++) {
                Prebuilt p = objects.get(i);
                Image.Placement at = image.placement(p);
                if (at.section() == section) {
                    String name = label(prefix, section) + "." + i + typeName(p);
                    names.put(p, name);
                    definitions.add(new Definition(name, at.offset(), p.size()));
                }
            }
            var relocations = new ArrayList<Relocation>();
            for (var r : image.relocations()) {
                if (r.section() == section) {
                    relocations.add(switch (r.target()) {
                        case dev.taipan.rtyper.image.Relocation.Address a ->
                                new Relocation(Math.toIntExact(r.offset()), Relocation.Kind.ABS64, label(prefix, a.section()),
                                        a.offset());
                        case FunctionRef f -> new Relocation(Math.toIntExact(r.offset()), Relocation.Kind.ABS64, f.name(), 0);
                    });
                }
            }
            byte[] bytes = image.bytes(section);
            sections.add(new InputSection(ProgramSection.of(section), bytes, bytes.length, InputSection.WORD_ALIGNMENT,
                    definitions, relocations));
        }
        return new ImageInput(sections, names);
    }

    /** The label at the start of one of the image's sections, e.g. {@code image.rodata}. */
    public static String label(String prefix, Section section) {
        return prefix + "." + section.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String typeName(Prebuilt p) {
        return p.type() instanceof StructType s ? "." + s.name() : "";
    }
}
