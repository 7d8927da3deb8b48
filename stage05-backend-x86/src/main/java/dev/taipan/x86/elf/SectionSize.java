package dev.taipan.x86.elf;

/**
 * What the layout needs to know of a section before its bytes exist: how many bytes, and the
 * alignment of its start (a power of two, at most a page: the layout aligns segments to pages, so
 * a larger alignment could not be kept in memory).
 */
public record SectionSize(long size, long alignment) {

    public SectionSize {
        if (size < 0) {
            throw new IllegalArgumentException("a section's size cannot be negative: " + size);
        }
        if (alignment <= 0 || Long.bitCount(alignment) != 1 || alignment > ElfLayout.PAGE) {
            throw new IllegalArgumentException("a section's alignment must be a power of two from 1 to "
                    + ElfLayout.PAGE + ", not " + alignment);
        }
    }

    /** An empty section (nothing in it, byte-aligned). */
    public static SectionSize empty() {
        return new SectionSize(0, 1);
    }
}
