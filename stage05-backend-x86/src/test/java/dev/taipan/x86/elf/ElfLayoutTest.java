package dev.taipan.x86.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.image.Section;
import dev.taipan.x86.elf.ElfLayout.Placement;
import dev.taipan.x86.elf.ElfLayout.Segment;
import org.junit.jupiter.api.Test;

/** The first phase: addresses from sizes, by the loader's rules. */
class ElfLayoutTest {

    private static final ElfLayout LAYOUT = ElfLayout.plan(new SectionSize(0x123, 16), new SectionSize(0x45, 32),
            new SectionSize(0x30, 8), new SectionSize(0x2000, 64));

    @Test
    void sectionsFollowTheHeadersInOrderEachAligned() {
        Placement text = LAYOUT.placement(ProgramSection.TEXT);
        Placement rodata = LAYOUT.placement(ProgramSection.RODATA);
        Placement data = LAYOUT.placement(ProgramSection.DATA);
        Placement bss = LAYOUT.placement(ProgramSection.BSS);
        // 64 bytes of ELF header and 3 x 56 of program headers = 232 = 0xe8, rounded up to 16.
        assertThat(text.fileOffset()).isEqualTo(0xf0);
        assertThat(rodata.fileOffset()).isEqualTo(0x220); // 0xf0 + 0x123 = 0x213, rounded up to 32
        assertThat(data.fileOffset()).isEqualTo(0x1000); // a new page
        assertThat(bss.address()).isEqualTo(0x401040);   // 0x401030 rounded up to 64
        for (ProgramSection s : ProgramSection.values()) {
            Placement p = LAYOUT.placement(s);
            assertThat(p.address()).as(s.sectionName()).isEqualTo(ElfLayout.BASE + p.fileOffset());
            assertThat(p.address() % p.alignment()).as(s.sectionName()).isZero();
        }
    }

    @Test
    void twoSegmentsReadExecuteThenReadWrite() {
        assertThat(LAYOUT.segments()).containsExactly(
                new Segment(false, 0, 0x400000, 0x265, 0x265),
                new Segment(true, 0x1000, 0x401000, 0x30, 0x2040)); // up to the end of .bss, 0x401040 + 0x2000
    }

    @Test
    void dataStartsOnTheNextPageEvenWhenCodeEndsExactlyAtOne() {
        ElfLayout layout = ElfLayout.plan(new SectionSize(0x1000 - 0xf0, 16), SectionSize.empty(),
                new SectionSize(8, 8), SectionSize.empty());
        assertThat(layout.placement(ProgramSection.RODATA).endAddress()).isEqualTo(0x401000);
        assertThat(layout.address(ProgramSection.DATA, 0)).isEqualTo(0x401000);
        ElfLayout oneMore = ElfLayout.plan(new SectionSize(0x1000 - 0xf0 + 1, 16), SectionSize.empty(),
                new SectionSize(8, 8), SectionSize.empty());
        assertThat(oneMore.address(ProgramSection.DATA, 0)).isEqualTo(0x402000);
    }

    @Test
    void aPageAlignedTextStartsOnThePageAfterTheHeaders() {
        ElfLayout layout = ElfLayout.plan(new SectionSize(16, ElfLayout.PAGE), SectionSize.empty(),
                SectionSize.empty(), SectionSize.empty());
        assertThat(layout.address(ProgramSection.TEXT, 0)).isEqualTo(0x401000);
    }

    @Test
    void addressesInsideASectionAndAtItsEnd() {
        assertThat(LAYOUT.address(ProgramSection.RODATA, 0x45)).isEqualTo(0x400265);
        assertThatThrownBy(() -> LAYOUT.address(ProgramSection.RODATA, 0x46))
                .hasMessage("offset 70 is outside .rodata (69 bytes)");
        assertThatThrownBy(() -> LAYOUT.address(ProgramSection.TEXT, -1)).hasMessageContaining("outside .text");
    }

    @Test
    void badSizesAndAlignmentsAreRefused() {
        assertThatThrownBy(() -> new SectionSize(-1, 8)).hasMessageContaining("cannot be negative");
        for (long alignment : new long[] {0, 3, 2 * ElfLayout.PAGE}) {
            assertThatThrownBy(() -> new SectionSize(8, alignment))
                    .hasMessage("a section's alignment must be a power of two from 1 to 4096, not " + alignment);
        }
    }

    @Test
    void aProgramBeyondTwoGigabytesIsRefused() {
        assertThatThrownBy(() -> ElfLayout.plan(SectionSize.empty(), SectionSize.empty(), SectionSize.empty(),
                new SectionSize(1L << 31, 8)))
                .hasMessageContaining("does not fit below 2 GiB");
    }

    @Test
    void aSizeThatWouldOverflowIsRefusedNotWrapped() {
        assertThatThrownBy(() -> ElfLayout.plan(new SectionSize(Long.MAX_VALUE - 8, 16), SectionSize.empty(),
                SectionSize.empty(), SectionSize.empty()))
                .hasMessageContaining("does not fit below 2 GiB");
    }

    @Test
    void theImageSectionsGoWithTheCodeAndWithTheData() {
        assertThat(ProgramSection.of(Section.RODATA)).isEqualTo(ProgramSection.RODATA);
        assertThat(ProgramSection.of(Section.DATA)).isEqualTo(ProgramSection.DATA);
        assertThat(ProgramSection.RODATA.writable()).isFalse();
    }
}
