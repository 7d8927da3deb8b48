package dev.taipan.x86.elf;

/**
 * A name for a function or a data object, given by its section and its offset there (so that it
 * can be made before the layout exists), and its size in bytes. The writer turns it into a
 * {@link SymbolEntry} at the address the layout gave.
 */
public record Symbol(String name, Kind kind, ProgramSection section, long offset, long size) {

    /** What the symbol names; tools disassemble functions and print objects as data. */
    public enum Kind {
        FUNCTION,
        OBJECT
    }

    public Symbol {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a symbol's name must be non-empty and free of NUL: \"" + name + "\"");
        }
        if (offset < 0 || size < 0) {
            throw new IllegalArgumentException("symbol " + name + ": negative offset or size (" + offset + ", " + size + ")");
        }
        if ((kind == Kind.FUNCTION) != (section == ProgramSection.TEXT)) {
            throw new IllegalArgumentException("symbol " + name + ": a function must be in .text and an object outside it,"
                    + " not a " + kind + " in " + section.sectionName());
        }
    }

    /** A function of {@code size} bytes at {@code offset} in {@code .text}. */
    public static Symbol function(String name, long offset, long size) {
        return new Symbol(name, Kind.FUNCTION, ProgramSection.TEXT, offset, size);
    }

    /** A data object of {@code size} bytes at {@code offset} in {@code .rodata}, {@code .data} or {@code .bss}. */
    public static Symbol object(String name, ProgramSection section, long offset, long size) {
        return new Symbol(name, Kind.OBJECT, section, offset, size);
    }

    long end() {
        return offset + size;
    }

    @Override
    public String toString() {
        return name + " [" + offset + ", " + end() + ") in " + section.sectionName();
    }
}
