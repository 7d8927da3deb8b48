package dev.taipan.rtyper.lltype;

/**
 * The reference {@link StructLayouter}: C's algorithm on x86-64 (System V), what gcc does with
 * the same struct. Each field goes at the next multiple of its alignment after the previous
 * one; the struct is as aligned as its most aligned field and its size is rounded up to that,
 * so that in an array of them every item is aligned too.
 *
 * <p>A Gc struct starts with the one-word GC header at offset 0 and is therefore at least
 * word-aligned; a Gc struct whose first field inlines its parent ({@link GcStruct#parent()})
 * has no header of its own, since the parent's bytes, header included, come first. Raw structs
 * have no header.
 */
public final class SystemVStructLayout implements StructLayouter {

    @Override
    public StructLayout layout(StructType s) {
        var fields = s.fields();
        long offset = 0;
        int alignment = 1;
        if (s.isGc()) {
            alignment = Layout.WORD;
            boolean inheritsHeader = s instanceof GcStruct g && g.parent() != null;
            offset = inheritsHeader ? 0 : Layout.GC_HEADER_SIZE;
        }
        long[] offsets = new long[fields.size()];
        for (int i = 0; i < offsets.length; i++) {
            LowLevelType type = fields.get(i).type();
            int a = Layout.alignmentOf(type);
            offset = Layout.roundUp(offset, a);
            offsets[i] = offset;
            offset += Layout.sizeOf(type);
            alignment = Math.max(alignment, a);
        }
        return new StructLayout(Layout.roundUp(offset, alignment), alignment, offsets);
    }
}
