package dev.taipan.x86.elf;

/**
 * A program header (a "segment"): what the kernel maps, where, and with which permissions. This
 * is the loader's view of the file; it never looks at sections.
 *
 * @param type        {@code p_type}: {@link #LOAD} (map this part of the file) or
 *                    {@link #GNU_STACK} (no bytes: only the permissions the stack gets)
 * @param flags       {@code p_flags}: {@link #READ}, {@link #WRITE}, {@link #EXECUTE}, or'ed
 * @param fileOffset  {@code p_offset}: where the segment's bytes start in the file
 * @param address     {@code p_vaddr} (and {@code p_paddr}, which Linux ignores): where they go
 * @param fileSize    {@code p_filesz}: how many bytes come from the file
 * @param memorySize  {@code p_memsz}: how many bytes the segment takes in memory; the excess over
 *                    {@code fileSize} is zero-filled, which is how {@code .bss} costs no file space
 * @param alignment   {@code p_align}: offset and address agree modulo this (the page size)
 */
record ProgramHeader(int type, int flags, long fileOffset, long address, long fileSize, long memorySize,
                     long alignment) {

    static final int SIZE = 56;

    static final int LOAD = 1;
    /**
     * PT_GNU_STACK, a GNU extension: without it, Linux gives the stack the permissions of old
     * binaries, readable <em>and executable</em>; with it and no {@link #EXECUTE} flag, a jump
     * into stack memory faults.
     */
    static final int GNU_STACK = 0x6474e551;

    static final int EXECUTE = 1;
    static final int WRITE = 2;
    static final int READ = 4;

    static ProgramHeader load(ElfLayout.Segment segment) {
        return new ProgramHeader(LOAD, segment.writable() ? READ | WRITE : READ | EXECUTE, segment.fileOffset(),
                segment.address(), segment.fileSize(), segment.memorySize(), ElfLayout.PAGE);
    }

    /** The stack is readable and writable, not executable (alignment 16, as GNU ld writes it). */
    static ProgramHeader stack() {
        return new ProgramHeader(GNU_STACK, READ | WRITE, 0, 0, 0, 0, 16);
    }

    void writeTo(LittleEndianWriter out) {
        out.u32(type);
        out.u32(flags);
        out.u64(fileOffset);
        out.u64(address);
        out.u64(address); // p_paddr: physical address, meaningless for a user program
        out.u64(fileSize);
        out.u64(memorySize);
        out.u64(alignment);
    }
}
