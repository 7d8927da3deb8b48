package dev.taipan.rtyper.lltype;

/** Where the fields of one struct are: {@link Layout}'s answer, kept on the struct once computed. */
record StructLayout(long size, int alignment, long[] offsets) {
}
