package dev.taipan.x86.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The second phase without any tool: the bytes where the layout says, and bad input refused. */
class ElfWriterTest {

    /** 16 bytes of text (two functions), 4 of rodata, 8 of data, 8 of bss. */
    private static final ElfLayout LAYOUT = ElfLayout.plan(new SectionSize(16, 16), new SectionSize(4, 4),
            new SectionSize(8, 8), new SectionSize(8, 8));
    private static final byte[] TEXT = bytes(16, 0x90);
    private static final Contents CONTENTS = new Contents(TEXT, bytes(4, 0x52), bytes(8, 0x44));
    private static final List<Symbol> SYMBOLS = List.of(
            Symbol.function("helper", 0, 8),
            Symbol.function("_start", 8, 8),
            Symbol.object("table", ProgramSection.RODATA, 0, 4),
            Symbol.object("cell", ProgramSection.DATA, 0, 8),
            Symbol.object("zeros", ProgramSection.BSS, 0, 8));

    private static byte[] bytes(int n, int value) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void headerFieldsAndSectionBytesAreWhereTheLayoutSays() {
        byte[] file = ElfWriter.write(LAYOUT, CONTENTS, SYMBOLS, "_start");
        ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
        assertThat(Arrays.copyOf(file, 4)).containsExactly(0x7f, 'E', 'L', 'F');
        assertThat(b.get(4)).as("ELFCLASS64").isEqualTo((byte) 2);
        assertThat(b.get(5)).as("little-endian").isEqualTo((byte) 1);
        assertThat(b.getShort(16)).as("ET_EXEC").isEqualTo((short) 2);
        assertThat(b.getShort(18)).as("EM_X86_64").isEqualTo((short) 62);
        assertThat(b.getLong(24)).as("e_entry: _start").isEqualTo(LAYOUT.address(ProgramSection.TEXT, 8));
        assertThat(b.getLong(32)).as("e_phoff").isEqualTo(64);
        assertThat(b.getShort(56)).as("e_phnum").isEqualTo((short) 3);
        assertThat(b.getShort(60)).as("e_shnum").isEqualTo((short) 8);
        assertThat(b.getShort(62)).as("e_shstrndx").isEqualTo((short) 7);
        long shoff = b.getLong(40);
        assertThat(shoff + 8 * SectionHeader.SIZE).as("the section headers end the file").isEqualTo(file.length);
        for (ProgramSection s : List.of(ProgramSection.TEXT, ProgramSection.RODATA, ProgramSection.DATA)) {
            int at = (int) LAYOUT.placement(s).fileOffset();
            assertThat(Arrays.copyOfRange(file, at, at + (int) LAYOUT.placement(s).size())).as(s.sectionName())
                    .isEqualTo(CONTENTS.of(s));
        }
    }

    @Test
    void theSameInputGivesTheSameBytes() {
        assertThat(ElfWriter.write(LAYOUT, CONTENTS, SYMBOLS, "_start"))
                .isEqualTo(ElfWriter.write(LAYOUT, CONTENTS, SYMBOLS, "_start"));
    }

    @Test
    void contentsMustHaveThePlannedSizes() {
        var shortText = new Contents(bytes(15, 0x90), bytes(4, 0), bytes(8, 0));
        assertThatThrownBy(() -> ElfWriter.write(LAYOUT, shortText, SYMBOLS, "_start"))
                .hasMessage(".text has 15 bytes, but the layout planned 16");
    }

    @Test
    void theEntrySymbolMustExistAndBeAFunction() {
        assertThatThrownBy(() -> ElfWriter.write(LAYOUT, CONTENTS, SYMBOLS, "main"))
                .hasMessage("the entry symbol main is not among the symbols [helper, _start, table, cell, zeros]");
        assertThatThrownBy(() -> ElfWriter.write(LAYOUT, CONTENTS, SYMBOLS, "cell"))
                .hasMessage("the entry symbol cell [0, 8) in .data is not a function");
    }

    @Test
    void overlappingSymbolsAreRefused() {
        var symbols = List.of(Symbol.function("_start", 0, 10), Symbol.function("f", 8, 8));
        assertThatThrownBy(() -> ElfWriter.write(LAYOUT, CONTENTS, symbols, "_start"))
                .hasMessage("symbol _start [0, 10) in .text overlaps f [8, 16) in .text");
    }

    @Test
    void aLabelOfSizeZeroMayStandInsideAFunction() {
        var symbols = List.of(Symbol.function("_start", 0, 16), Symbol.function("loop", 4, 0));
        assertThat(ElfWriter.write(LAYOUT, CONTENTS, symbols, "_start")).isNotEmpty();
    }

    @Test
    void aSymbolOutsideItsSectionIsRefused() {
        var symbols = List.of(Symbol.function("_start", 0, 16), Symbol.object("big", ProgramSection.BSS, 4, 8));
        assertThatThrownBy(() -> ElfWriter.write(LAYOUT, CONTENTS, symbols, "_start"))
                .hasMessage("symbol big [4, 12) in .bss ends outside its section (8 bytes)");
    }

    @Test
    void twoSymbolsOfOneNameAreRefused() {
        var symbols = List.of(Symbol.function("_start", 0, 8), Symbol.function("_start", 8, 8));
        assertThatThrownBy(() -> ElfWriter.write(LAYOUT, CONTENTS, symbols, "_start"))
                .hasMessageStartingWith("two symbols are named _start");
    }

    @Test
    void symbolsMustBeFunctionsInTextAndObjectsElsewhere() {
        assertThatThrownBy(() -> Symbol.object("x", ProgramSection.TEXT, 0, 8))
                .hasMessage("symbol x: a function must be in .text and an object outside it, not a OBJECT in .text");
        assertThatThrownBy(() -> new Symbol("f", Symbol.Kind.FUNCTION, ProgramSection.DATA, 0, 8))
                .hasMessageContaining("not a FUNCTION in .data");
        assertThatThrownBy(() -> Symbol.function("", 0, 8)).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> Symbol.function("a\0b", 0, 8)).hasMessageContaining("free of NUL");
    }
}
