package dev.taipan.x86.elf;

import java.util.Locale;

/**
 * An executable's memory drawn as text, one row per section from {@link ElfLayout#BASE} up: its
 * addresses, its size, the permissions of the segment it is mapped in, and a bar whose length is
 * its share of the image, so that the two segments' page alignment (the gap before
 * {@code .data}) and {@code .bss} taking memory but no file bytes can be seen at a glance.
 */
public final class LayoutPicture {
    private static final int WIDTH = 48;

    private LayoutPicture() {
    }

    public static String draw(ElfLayout layout) {
        long end = layout.placement(ProgramSection.BSS).endAddress();
        long span = Math.max(1, end - ElfLayout.BASE);
        var sb = new StringBuilder(String.format(Locale.ROOT, "%-8s %-21s %10s  %-4s %s%n", "section", "addresses",
                "bytes", "perm", "where in the image (" + span + " bytes from 0x" + Long.toHexString(ElfLayout.BASE) + ")"));
        for (ProgramSection s : ProgramSection.values()) {
            ElfLayout.Placement p = layout.placement(s);
            int from = (int) ((p.address() - ElfLayout.BASE) * WIDTH / span);
            int to = (int) Math.max(from + 1, (p.endAddress() - ElfLayout.BASE) * WIDTH / span);
            char fill = s.inFile() ? '#' : '.';
            String bar = " ".repeat(from) + String.valueOf(fill).repeat(Math.min(WIDTH, to) - from);
            sb.append(String.format(Locale.ROOT, "%-8s 0x%08x-0x%08x %10d  %s%s%s  |%-" + WIDTH + "s|%n",
                    s.sectionName(), p.address(), p.endAddress(), p.size(), "r", s.writable() ? "w" : "-",
                    s.writable() ? "-" : "x", bar));
        }
        sb.append("segments: ");
        for (ElfLayout.Segment seg : layout.segments()) {
            sb.append(String.format(Locale.ROOT, "[0x%x, 0x%x) %s, %d bytes from the file;  ", seg.address(),
                    seg.address() + seg.memorySize(), seg.writable() ? "rw-" : "r-x", seg.fileSize()));
        }
        sb.append("\n('#' bytes from the file, '.' zeros the kernel supplies)\n");
        return sb.toString();
    }
}
