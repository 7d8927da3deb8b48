package dev.taipan.x86.elf;

import dev.taipan.rtyper.image.Section;

/**
 * The four sections a program's bytes live in, in the order they are placed. Each belongs to one
 * of the two loadable segments: code and read-only data are mapped readable and executable,
 * data and bss readable and writable (never both writable and executable, so a stray store cannot
 * become code). {@code .bss} is data that starts as zeros: it takes memory but no file bytes.
 */
public enum ProgramSection {
    TEXT(".text", false, true, true),
    RODATA(".rodata", false, false, true),
    DATA(".data", true, false, true),
    BSS(".bss", true, false, false);

    private final String sectionName;
    private final boolean writable;
    private final boolean executable;
    private final boolean inFile;

    ProgramSection(String sectionName, boolean writable, boolean executable, boolean inFile) {
        this.sectionName = sectionName;
        this.writable = writable;
        this.executable = executable;
        this.inFile = inFile;
    }

    /** Where the image's section goes: its read-only data with the code, its data in {@code .data}. */
    public static ProgramSection of(Section imageSection) {
        return switch (imageSection) {
            case RODATA -> RODATA;
            case DATA -> DATA;
        };
    }

    /** The section's name as readelf and objdump print it, e.g. {@code .text}. */
    public String sectionName() {
        return sectionName;
    }

    /** In the read-write segment (data, bss) rather than the read-execute one (text, rodata). */
    public boolean writable() {
        return writable;
    }

    public boolean executable() {
        return executable;
    }

    /** Whether the section's bytes are stored in the file ({@code .bss} is not: it is zeros). */
    public boolean inFile() {
        return inFile;
    }
}
