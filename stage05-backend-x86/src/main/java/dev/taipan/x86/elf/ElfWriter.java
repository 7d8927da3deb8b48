package dev.taipan.x86.elf;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The second phase: the bytes of a planned {@link ElfLayout}, the symbols and the entry point
 * become an ELF64 x86-64 static executable ({@code ET_EXEC}: no interpreter, no dynamic section,
 * nothing for the kernel to do but map two segments and jump to the entry).
 *
 * <p>The file, front to back:
 * <pre>
 *   ELF header | program headers | .text | .rodata | zeros to a page | .data
 *   | .symtab | .strtab | .shstrtab | section headers
 * </pre>
 * Everything up to {@code .data} is loaded; the tables after it are read by tools only. They come
 * last so that adding a symbol never moves code, and so that they are not mapped.
 */
public final class ElfWriter {

    /** Section header indices: the null entry, the four program sections in order, the tables. */
    private static final int SYMTAB_INDEX = ProgramSection.values().length + 1;
    private static final int STRTAB_INDEX = SYMTAB_INDEX + 1;
    private static final int SHSTRTAB_INDEX = STRTAB_INDEX + 1;
    private static final int SECTION_COUNT = SHSTRTAB_INDEX + 1;

    private ElfWriter() {
    }

    /**
     * The executable's bytes. Refuses, with the reason, contents whose sizes differ from the
     * layout's, symbols that share a name, lie outside their section or overlap another, and an
     * entry that is not a function among the symbols.
     */
    public static byte[] write(ElfLayout layout, Contents contents, List<Symbol> symbols, String entry) {
        checkSizes(layout, contents);
        Symbol start = checkSymbols(layout, symbols, entry);
        var names = new StringTable();
        List<SymbolEntry> symbolTable = symbolTable(layout, symbols, names);
        byte[] strtab = names.bytes();

        // The tables follow the loaded bytes: .symtab (8-aligned), .strtab, .shstrtab, headers.
        long symtabOffset = ElfLayout.alignUp(layout.loadedFileEnd(), 8);
        long symtabSize = (long) symbolTable.size() * SymbolEntry.SIZE;
        long strtabOffset = symtabOffset + symtabSize;
        long shstrtabOffset = strtabOffset + strtab.length;
        var sectionNames = new StringTable();
        var headers = new ArrayList<SectionHeader>();
        headers.add(SectionHeader.none());
        for (ProgramSection section : ProgramSection.values()) {
            headers.add(programSectionHeader(layout.placement(section), section, sectionNames.add(section.sectionName())));
        }
        // All symbols are global, so the first non-local one (sh_info) is the first after the null entry.
        headers.add(new SectionHeader(sectionNames.add(".symtab"), SectionHeader.SYMTAB, 0, 0, symtabOffset, symtabSize,
                STRTAB_INDEX, 1, 8, SymbolEntry.SIZE));
        headers.add(new SectionHeader(sectionNames.add(".strtab"), SectionHeader.STRTAB, 0, 0, strtabOffset,
                strtab.length, 0, 0, 1, 0));
        int shstrtabName = sectionNames.add(".shstrtab");
        byte[] shstrtab = sectionNames.bytes();
        headers.add(new SectionHeader(shstrtabName, SectionHeader.STRTAB, 0, 0, shstrtabOffset, shstrtab.length,
                0, 0, 1, 0));
        long sectionHeaderOffset = ElfLayout.alignUp(shstrtabOffset + shstrtab.length, 8);

        var out = new LittleEndianWriter();
        new ElfHeader(layout.address(start.section(), start.offset()), ElfHeader.SIZE, ElfLayout.PROGRAM_HEADERS,
                sectionHeaderOffset, SECTION_COUNT, SHSTRTAB_INDEX).writeTo(out);
        for (ElfLayout.Segment segment : layout.segments()) {
            ProgramHeader.load(segment).writeTo(out);
        }
        ProgramHeader.stack().writeTo(out);
        for (ProgramSection section : ProgramSection.values()) {
            if (section.inFile()) {
                out.padTo(layout.placement(section).fileOffset());
                out.bytes(contents.of(section));
            }
        }
        out.padTo(symtabOffset);
        symbolTable.forEach(e -> e.writeTo(out));
        out.bytes(strtab);
        out.bytes(shstrtab);
        out.padTo(sectionHeaderOffset);
        headers.forEach(h -> h.writeTo(out));
        return out.toByteArray();
    }

    /** The null symbol, then one global entry per symbol, at the address the layout gave it. */
    private static List<SymbolEntry> symbolTable(ElfLayout layout, List<Symbol> symbols, StringTable names) {
        var entries = new ArrayList<SymbolEntry>();
        entries.add(SymbolEntry.none());
        for (Symbol s : symbols) {
            int type = switch (s.kind()) {
                case FUNCTION -> SymbolEntry.FUNC;
                case OBJECT -> SymbolEntry.OBJECT;
            };
            entries.add(new SymbolEntry(names.add(s.name()), SymbolEntry.GLOBAL, type, sectionIndex(s.section()),
                    layout.address(s.section(), s.offset()), s.size()));
        }
        return entries;
    }

    /** {@link #write} to {@code file}, then marks it executable (rwxr-xr-x). */
    public static void writeExecutable(Path file, ElfLayout layout, Contents contents, List<Symbol> symbols,
                                       String entry) throws IOException {
        Files.write(file, write(layout, contents, symbols, entry));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static int sectionIndex(ProgramSection section) {
        return section.ordinal() + 1;
    }

    private static SectionHeader programSectionHeader(ElfLayout.Placement p, ProgramSection section, int name) {
        long flags = SectionHeader.ALLOC
                | (section.writable() ? SectionHeader.WRITE : 0)
                | (section.executable() ? SectionHeader.EXECINSTR : 0);
        return new SectionHeader(name, section.inFile() ? SectionHeader.PROGBITS : SectionHeader.NOBITS, flags,
                p.address(), p.fileOffset(), p.size(), 0, 0, p.alignment(), 0);
    }

    private static void checkSizes(ElfLayout layout, Contents contents) {
        for (ProgramSection section : ProgramSection.values()) {
            if (section.inFile() && contents.of(section).length != layout.placement(section).size()) {
                throw new IllegalArgumentException(section.sectionName() + " has " + contents.of(section).length
                        + " bytes, but the layout planned " + layout.placement(section).size());
            }
        }
    }

    /** Checks the symbols against the layout; returns the entry symbol. */
    private static Symbol checkSymbols(ElfLayout layout, List<Symbol> symbols, String entry) {
        Map<String, Symbol> byName = new HashMap<>();
        for (Symbol s : symbols) {
            Symbol previous = byName.putIfAbsent(s.name(), s);
            if (previous != null) {
                throw new IllegalArgumentException("two symbols are named " + s.name() + ": " + previous + " and " + s);
            }
            long sectionSize = layout.placement(s.section()).size();
            if (s.end() > sectionSize) {
                throw new IllegalArgumentException("symbol " + s + " ends outside its section ("
                        + sectionSize + " bytes)");
            }
        }
        // Sized symbols must not share bytes: a byte belongs to one function or object, else the
        // disassembly and the debugger would name it arbitrarily. Zero-size symbols are labels.
        List<Symbol> sized = symbols.stream().filter(s -> s.size() > 0)
                .sorted(Comparator.comparing(Symbol::section).thenComparingLong(Symbol::offset)).toList();
        for (int i = 1; i < sized.size(); i++) {
            Symbol a = sized.get(i - 1);
            Symbol b = sized.get(i);
            if (a.section() == b.section() && a.end() > b.offset()) {
                throw new IllegalArgumentException("symbol " + a + " overlaps " + b);
            }
        }
        Symbol start = byName.get(entry);
        if (start == null) {
            throw new IllegalArgumentException("the entry symbol " + entry + " is not among the symbols "
                    + symbols.stream().map(Symbol::name).toList());
        }
        if (start.kind() != Symbol.Kind.FUNCTION) {
            throw new IllegalArgumentException("the entry symbol " + start + " is not a function");
        }
        return start;
    }
}
