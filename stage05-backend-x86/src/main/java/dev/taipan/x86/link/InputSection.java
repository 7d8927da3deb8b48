package dev.taipan.x86.link;

import dev.taipan.x86.asm.MachineCode;
import dev.taipan.x86.asm.Relocation;
import dev.taipan.x86.elf.ProgramSection;
import java.util.List;

/**
 * One piece of the program as the compiler made it, before it has an address: the bytes of a
 * function or of a group of constants, which output section they go to, the names they define
 * and the holes ({@link Relocation}s, offsets counted from the start of these bytes) that only
 * final addresses can fill. This is an object file's section, in ELF's vocabulary an "input
 * section"; the {@link Linker} concatenates them into the four output sections.
 *
 * <p>{@code .bss} inputs have a size and no bytes (they are zeros), hence {@code size} separate
 * from {@code bytes}.
 */
public record InputSection(ProgramSection section, byte[] bytes, long size, long alignment,
                           List<Definition> definitions, List<Relocation> relocations) {

    /** Functions start on 16 bytes, as gcc aligns them: a whole first fetch block for the decoder. */
    public static final long FUNCTION_ALIGNMENT = 16;
    /** Data objects start on a word, as the image lays them out. */
    public static final long WORD_ALIGNMENT = 8;

    public InputSection {
        bytes = bytes.clone();
        definitions = List.copyOf(definitions);
        relocations = List.copyOf(relocations);
        if (section.inFile() ? size != bytes.length : bytes.length != 0) {
            throw new IllegalArgumentException(section.sectionName() + " input of " + bytes.length + " bytes with size "
                    + size + ": only .bss has a size without bytes");
        }
        if (alignment <= 0 || Long.bitCount(alignment) != 1) {
            throw new IllegalArgumentException("alignment must be a power of two, not " + alignment);
        }
        if (section == ProgramSection.BSS && !relocations.isEmpty()) {
            throw new IllegalArgumentException(".bss is zeros: it can hold no relocated word");
        }
        for (Definition d : definitions) {
            if (d.offset() + d.size() > size) {
                throw new IllegalArgumentException("definition " + d.name() + " [" + d.offset() + ", "
                        + (d.offset() + d.size()) + ") lies outside its input section of " + size + " bytes");
            }
        }
        for (Relocation r : relocations) {
            if (r.offset() < 0 || r.offset() + r.kind().size() > size) {
                throw new IllegalArgumentException("relocation " + r + " lies outside its input section of "
                        + size + " bytes");
            }
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** One function: its code, named as a whole, its calls and constants left as relocations. */
    public static InputSection function(String name, MachineCode code) {
        byte[] bytes = code.bytes();
        return new InputSection(ProgramSection.TEXT, bytes, bytes.length, FUNCTION_ALIGNMENT,
                List.of(new Definition(name, 0, bytes.length)), code.relocations());
    }

    /** Code holding several functions, each defined at its own offset (one assembler for all). */
    public static InputSection text(MachineCode code, List<Definition> functions) {
        byte[] bytes = code.bytes();
        return new InputSection(ProgramSection.TEXT, bytes, bytes.length, FUNCTION_ALIGNMENT, functions,
                code.relocations());
    }

    /** A constant nothing writes: a message, a float, a table. */
    public static InputSection rodata(String name, byte[] bytes, long alignment) {
        return new InputSection(ProgramSection.RODATA, bytes, bytes.length, alignment,
                List.of(new Definition(name, 0, bytes.length)), List.of());
    }

    /** A global the program may change, with the addresses it holds as relocations. */
    public static InputSection data(String name, byte[] bytes, long alignment, List<Relocation> relocations) {
        return new InputSection(ProgramSection.DATA, bytes, bytes.length, alignment,
                List.of(new Definition(name, 0, bytes.length)), relocations);
    }

    /** {@code size} bytes of zeros, which take no room in the file. */
    public static InputSection bss(String name, long size, long alignment) {
        return new InputSection(ProgramSection.BSS, new byte[0], size, alignment,
                List.of(new Definition(name, 0, size)), List.of());
    }

    /** The definition whose bytes hold {@code offset}, for naming where a bad reference is. */
    String describe(long offset) {
        for (Definition d : definitions) {
            if (d.offset() <= offset && offset < d.offset() + d.size()) {
                return d.name() + "+0x" + Long.toHexString(offset - d.offset());
            }
        }
        return section.sectionName() + " input +0x" + Long.toHexString(offset);
    }
}
