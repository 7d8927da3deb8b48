package dev.taipan.x86.elf;

/**
 * One entry of {@code .symtab}: a name for an address range. This is what lets objdump print
 * {@code <_start>:} above the code and gdb accept {@code break fib}; the program itself never
 * reads it.
 *
 * @param name         {@code st_name}: offset of the name in {@code .strtab}
 * @param binding      the high nibble of {@code st_info}: {@link #LOCAL} or {@link #GLOBAL}
 * @param type         the low nibble of {@code st_info}: {@link #NOTYPE}, {@link #OBJECT}
 *                     (data) or {@link #FUNC} (code); tools disassemble and size by it
 * @param sectionIndex {@code st_shndx}: the index of the section header the symbol is in
 * @param value        {@code st_value}: in an executable, the symbol's address
 * @param size         {@code st_size}: how many bytes the function or object covers
 */
record SymbolEntry(int name, int binding, int type, int sectionIndex, long value, long size) {

    static final int SIZE = 24;

    static final int LOCAL = 0;
    static final int GLOBAL = 1;

    static final int NOTYPE = 0;
    static final int OBJECT = 1;
    static final int FUNC = 2;

    /** The entry at index 0 of every symbol table, which stands for "no symbol". */
    static SymbolEntry none() {
        return new SymbolEntry(0, LOCAL, NOTYPE, 0, 0, 0);
    }

    void writeTo(LittleEndianWriter out) {
        out.u32(name);
        out.u8(binding << 4 | type);
        out.u8(0); // st_other: default visibility
        out.u16(sectionIndex);
        out.u64(value);
        out.u64(size);
    }
}
