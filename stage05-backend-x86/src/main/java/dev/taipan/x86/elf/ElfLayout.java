package dev.taipan.x86.elf;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where each program section goes, in the file and in memory: the first phase of writing an
 * executable, decided from sizes alone so that a linker can patch addresses into the bytes before
 * they are written.
 *
 * <p>The file is mapped by the kernel page by page, so the rules are the loader's:
 * <ul>
 *   <li>Everything sits above {@link #BASE} (0x400000, where {@code ld} puts x86-64 executables:
 *       page 0 stays unmapped, so a null pointer faults), and below 2 GiB, so that every address
 *       fits a sign-extended 32-bit immediate and every RIP-relative displacement reaches (the
 *       System V "small code model").
 *   <li>The read-execute segment starts at file offset 0 and maps the ELF header and program
 *       headers along with {@code .text} and {@code .rodata}: the file is one picture of memory
 *       from {@code BASE} on, so each section's address is {@code BASE} plus its file offset.
 *   <li>The read-write segment ({@code .data}, then {@code .bss}) starts on a new page, both in
 *       the file and in memory: page permissions are per page, and a segment's file offset must
 *       equal its address modulo the page size, because the kernel maps whole file pages. (GNU ld
 *       saves the padding by mapping the page where {@code .rodata} ends a second time; here a
 *       few zero bytes in the file buy a layout that is drawn in one line.)
 *   <li>{@code .bss} follows {@code .data} in memory only; the segment's memory size exceeds its
 *       file size, and the kernel supplies zeros for the difference.
 * </ul>
 */
public final class ElfLayout {

    /** The address of the file's first byte in memory, as with GNU ld's default for x86-64. */
    public static final long BASE = 0x400000;
    /** The page size of x86-64 Linux: the unit of mapping and of protection. */
    public static final long PAGE = 0x1000;
    /** Two loadable segments and the stack's permissions (see {@link ProgramHeader}). */
    static final int PROGRAM_HEADERS = 3;
    /** The headers at the start of the file, mapped with the code (the loader needs them there). */
    static final long HEADERS_SIZE = ElfHeader.SIZE + PROGRAM_HEADERS * ProgramHeader.SIZE;
    /** The end of the small code model: nothing may be placed at or above it. */
    static final long LIMIT = 1L << 31;

    /** Where one section is: its file offset (meaningless for {@code .bss}), address, size, alignment. */
    public record Placement(long fileOffset, long address, long size, long alignment) {
        public long endAddress() {
            return address + size;
        }
    }

    /**
     * One loadable segment: {@code fileSize} bytes from {@code fileOffset} are mapped at
     * {@code address}; the rest up to {@code memorySize} is zeros.
     */
    public record Segment(boolean writable, long fileOffset, long address, long fileSize, long memorySize) {
    }

    private final Map<ProgramSection, Placement> placements;

    private ElfLayout(Map<ProgramSection, Placement> placements) {
        this.placements = Collections.unmodifiableMap(placements);
    }

    /** Places the four sections, in this order, by the rules above. */
    public static ElfLayout plan(SectionSize text, SectionSize rodata, SectionSize data, SectionSize bss) {
        for (SectionSize s : List.of(text, rodata, data, bss)) {
            checkFits(s.size());  // each alone, so that the sums below cannot overflow
        }
        var placements = new EnumMap<ProgramSection, Placement>(ProgramSection.class);
        long textOffset = alignUp(HEADERS_SIZE, text.alignment());
        placements.put(ProgramSection.TEXT, inFile(textOffset, text));
        long rodataOffset = alignUp(textOffset + text.size(), rodata.alignment());
        placements.put(ProgramSection.RODATA, inFile(rodataOffset, rodata));
        long dataOffset = alignUp(rodataOffset + rodata.size(), PAGE);
        placements.put(ProgramSection.DATA, inFile(dataOffset, data));
        long bssAddress = alignUp(BASE + dataOffset + data.size(), bss.alignment());
        // .bss has no bytes in the file; its offset is where they would be, as ld writes it.
        placements.put(ProgramSection.BSS,
                new Placement(bssAddress - BASE, bssAddress, bss.size(), bss.alignment()));
        checkFits(bssAddress + bss.size() - BASE);
        return new ElfLayout(placements);
    }

    private static void checkFits(long size) {
        if (size > LIMIT - BASE) {
            throw new IllegalArgumentException("the program does not fit below 2 GiB (it would end at 0x"
                    + Long.toHexString(BASE + size) + "): the small code model needs it there");
        }
    }

    private static Placement inFile(long offset, SectionSize size) {
        return new Placement(offset, BASE + offset, size.size(), size.alignment());
    }

    public Placement placement(ProgramSection section) {
        return placements.get(section);
    }

    /** The address of the byte at {@code offset} in {@code section} (its end, at offset = size). */
    public long address(ProgramSection section, long offset) {
        Placement p = placements.get(section);
        if (offset < 0 || offset > p.size()) {
            throw new IllegalArgumentException("offset " + offset + " is outside " + section.sectionName()
                    + " (" + p.size() + " bytes)");
        }
        return p.address() + offset;
    }

    /** The read-execute segment (headers, text, rodata), then the read-write one (data, bss). */
    public List<Segment> segments() {
        Placement rodata = placement(ProgramSection.RODATA);
        Placement data = placement(ProgramSection.DATA);
        Placement bss = placement(ProgramSection.BSS);
        long codeEnd = rodata.fileOffset() + rodata.size();
        return List.of(
                new Segment(false, 0, BASE, codeEnd, codeEnd),
                new Segment(true, data.fileOffset(), data.address(), data.size(), bss.endAddress() - data.address()));
    }

    /** Where the loaded part of the file ends: the symbol and section tables go after it. */
    long loadedFileEnd() {
        Placement data = placement(ProgramSection.DATA);
        return data.fileOffset() + data.size();
    }

    static long alignUp(long n, long alignment) {
        return (n + alignment - 1) & -alignment;
    }

    @Override
    public String toString() {
        var sb = new StringBuilder();
        placements.forEach((section, p) -> sb.append(String.format("%-8s 0x%08x-0x%08x  file 0x%06x%n",
                section.sectionName(), p.address(), p.endAddress(), p.fileOffset())));
        return sb.toString();
    }
}
