package dev.taipan.x86.elf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The picture of a layout: a row per section at the layout's addresses, with its segment's permissions. */
class LayoutPictureTest {

    @Test
    void eachSectionIsDrawnAtItsAddressWithItsPermissions() {
        ElfLayout layout = ElfLayout.plan(new SectionSize(0x3000, 16), new SectionSize(0x800, 8),
                new SectionSize(0x200, 8), new SectionSize(0x5000, 8));
        List<String> rows = LayoutPicture.draw(layout).lines().toList();
        assertThat(rows.get(1)).startsWith(String.format(".text    0x%08x-0x%08x", layout.placement(ProgramSection.TEXT).address(),
                layout.placement(ProgramSection.TEXT).endAddress())).contains("r-x").contains("#");
        assertThat(rows.get(3)).startsWith(".data").contains("rw-");
        assertThat(rows.get(4)).startsWith(".bss").contains(String.valueOf(0x5000)).contains("rw-").contains(".").doesNotContain("#");
        // .bss is more than half of the image: more than half of the bar
        String bar = rows.get(4).substring(rows.get(4).indexOf('|') + 1, rows.get(4).lastIndexOf('|'));
        assertThat(bar.chars().filter(c -> c == '.').count()).isGreaterThan(bar.length() / 2);
        assertThat(rows).anyMatch(r -> r.startsWith("segments: [0x400000,"));
    }
}
