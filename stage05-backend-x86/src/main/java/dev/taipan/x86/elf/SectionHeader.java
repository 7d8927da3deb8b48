package dev.taipan.x86.elf;

/**
 * A section header: the tools' view of the file (readelf, objdump, gdb), a named region with a
 * type. The kernel ignores sections entirely; an executable would run without them, but then
 * {@code objdump -d} would not know where the code is and gdb would have no symbols.
 *
 * @param name       {@code sh_name}: offset of the section's name in {@code .shstrtab}
 * @param type       {@code sh_type}: {@link #PROGBITS}, {@link #NOBITS}, {@link #SYMTAB} or
 *                   {@link #STRTAB} ({@link #NULL} for the entry at index 0, which must be there)
 * @param flags      {@code sh_flags}: {@link #ALLOC} if the section is in memory at run time,
 *                   with {@link #WRITE} and {@link #EXECINSTR} as its segment allows
 * @param address    {@code sh_addr}: its address in memory, 0 if not loaded
 * @param fileOffset {@code sh_offset}: where its bytes are in the file
 * @param size       {@code sh_size}: its size in bytes (in memory, for {@code .bss})
 * @param link       {@code sh_link}: for {@code .symtab}, the index of the string table of its names
 * @param info       {@code sh_info}: for {@code .symtab}, the index of the first non-local symbol
 * @param alignment  {@code sh_addralign}: the alignment its address keeps
 * @param entrySize  {@code sh_entsize}: for a table of fixed-size entries, the size of one
 */
record SectionHeader(int name, int type, long flags, long address, long fileOffset, long size, int link, int info,
                     long alignment, long entrySize) {

    static final int SIZE = 64;

    static final int NULL = 0;
    static final int PROGBITS = 1;
    static final int SYMTAB = 2;
    static final int STRTAB = 3;
    static final int NOBITS = 8;

    static final long WRITE = 1;
    static final long ALLOC = 2;
    static final long EXECINSTR = 4;

    static SectionHeader none() {
        return new SectionHeader(0, NULL, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    void writeTo(LittleEndianWriter out) {
        out.u32(name);
        out.u32(type);
        out.u64(flags);
        out.u64(address);
        out.u64(fileOffset);
        out.u64(size);
        out.u32(link);
        out.u32(info);
        out.u64(alignment);
        out.u64(entrySize);
    }
}
