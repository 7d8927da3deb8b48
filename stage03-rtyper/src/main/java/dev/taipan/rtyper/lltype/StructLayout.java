package dev.taipan.rtyper.lltype;

/**
 * Where the fields of one struct are: a {@link StructLayouter}'s answer, kept on the struct
 * once computed ({@link Layout} reads it).
 *
 * @param size      C's {@code sizeof}: the bytes one struct covers, its padding at the end included
 *                  (for a var-sized struct, the fixed part: up to and including the array's length word)
 * @param alignment C's {@code _Alignof}: the struct starts at a multiple of it
 * @param offsets   the offset of each field from the struct's start, in field order
 */
public record StructLayout(long size, int alignment, long[] offsets) {

    public StructLayout {
        offsets = offsets.clone();
    }

    /** A copy of the offsets (the record's own array stays unchanged). */
    @Override
    public long[] offsets() {
        return offsets.clone();
    }

    long offset(int index) {
        return offsets[index];
    }

    int fieldCount() {
        return offsets.length;
    }

    @Override
    public String toString() {
        return "StructLayout[size=" + size + ", alignment=" + alignment + ", offsets=" + java.util.Arrays.toString(offsets) + "]";
    }
}
