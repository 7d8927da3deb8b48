package dev.taipan.rtyper.lltype;

/**
 * How the fields of one struct are placed in memory: the part of {@link Layout} that decides
 * offsets, padding, the struct's alignment and its size (the reference is
 * {@link SystemVStructLayout}, C's rules on x86-64). {@link Layout} asks the current one
 * (see {@link dev.taipan.rtyper.Exercised#STRUCT_LAYOUT}) the first time it needs a struct's
 * layout and keeps the answer on the struct type, so each type is laid out once.
 * An interface so that a student's layout can take the reference's place.
 */
@FunctionalInterface
public interface StructLayouter {
    /**
     * The layout of {@code struct} (defined: it has its fields): one offset per field, in field
     * order, the struct's alignment and its size. The sizes and alignments of the field types
     * come from {@link Layout#sizeOf(LowLevelType)} and {@link Layout#alignmentOf}.
     */
    StructLayout layout(StructType struct);
}
