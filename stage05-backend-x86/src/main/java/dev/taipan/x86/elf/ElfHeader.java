package dev.taipan.x86.elf;

/**
 * The ELF header, the first 64 bytes of the file: what kind of file this is, for which machine,
 * where execution starts, and where the two header tables are. The kernel reads it (and the
 * program headers) to load the program; tools read it (and the section headers) to show it.
 *
 * @param entry                 {@code e_entry}: the virtual address of the first instruction
 *                              (our {@code _start}); the kernel jumps there with the stack holding
 *                              argc, argv and the environment
 * @param programHeaderOffset   {@code e_phoff}: file offset of the program header table
 * @param programHeaderCount    {@code e_phnum}: how many program headers
 * @param sectionHeaderOffset   {@code e_shoff}: file offset of the section header table
 * @param sectionHeaderCount    {@code e_shnum}: how many section headers, the null one included
 * @param sectionNamesIndex     {@code e_shstrndx}: the index of the section holding section names
 */
record ElfHeader(long entry, long programHeaderOffset, int programHeaderCount, long sectionHeaderOffset,
                 int sectionHeaderCount, int sectionNamesIndex) {

    static final int SIZE = 64;

    /** {@code EI_CLASS} ELFCLASS64: 64-bit addresses and offsets in every structure. */
    private static final int CLASS_64 = 2;
    /** {@code EI_DATA} ELFDATA2LSB: numbers are little-endian. */
    private static final int DATA_LITTLE_ENDIAN = 1;
    /** {@code EI_VERSION} and {@code e_version}: the only ELF version there is. */
    private static final int VERSION_CURRENT = 1;
    /** {@code EI_OSABI} ELFOSABI_SYSV: no OS-specific extensions (Linux accepts it). */
    private static final int OSABI_SYSV = 0;
    /** {@code e_type} ET_EXEC: an executable at fixed addresses (not ET_DYN, position-independent). */
    private static final int TYPE_EXECUTABLE = 2;
    /** {@code e_machine} EM_X86_64. */
    private static final int MACHINE_X86_64 = 62;

    void writeTo(LittleEndianWriter out) {
        // e_ident: the magic number, then how to read the rest, padded to 16 bytes.
        out.u8(0x7f);
        out.u8('E');
        out.u8('L');
        out.u8('F');
        out.u8(CLASS_64);
        out.u8(DATA_LITTLE_ENDIAN);
        out.u8(VERSION_CURRENT);
        out.u8(OSABI_SYSV);
        out.padTo(out.offset() + 8); // EI_ABIVERSION 0 and the padding
        out.u16(TYPE_EXECUTABLE);
        out.u16(MACHINE_X86_64);
        out.u32(VERSION_CURRENT);
        out.u64(entry);
        out.u64(programHeaderOffset);
        out.u64(sectionHeaderOffset);
        out.u32(0); // e_flags: x86-64 defines none
        out.u16(SIZE); // e_ehsize
        out.u16(ProgramHeader.SIZE); // e_phentsize
        out.u16(programHeaderCount);
        out.u16(SectionHeader.SIZE); // e_shentsize
        out.u16(sectionHeaderCount);
        out.u16(sectionNamesIndex);
    }
}
