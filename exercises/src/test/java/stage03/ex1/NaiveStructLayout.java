package stage03.ex1;

import dev.taipan.rtyper.lltype.GcStruct;
import dev.taipan.rtyper.lltype.Layout;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.StructLayout;
import dev.taipan.rtyper.lltype.StructLayouter;
import dev.taipan.rtyper.lltype.StructType;

/**
 * A plausible wrong answer to stage03/ex1 for the self-check: the header, the parent and the
 * padding between fields are right, but the size is where the last field ends, not rounded up
 * to the struct's alignment (so the next item of an array, or the next field of a subclass,
 * may be misaligned). The contract must take points off it.
 */
public final class NaiveStructLayout implements StructLayouter {
    @Override
    public StructLayout layout(StructType s) {
        long offset = 0;
        int alignment = 1;
        if (s.isGc()) {
            alignment = Layout.WORD;
            offset = s instanceof GcStruct g && g.parent() != null ? 0 : Layout.GC_HEADER_SIZE;
        }
        long[] offsets = new long[s.fields().size()];
        for (int i = 0; i < offsets.length; i++) {
            LowLevelType t = s.fields().get(i).type();
            int a = Layout.alignmentOf(t);
            offset = (offset + a - 1) / a * a;
            offsets[i] = offset;
            offset += Layout.sizeOf(t);
            alignment = Math.max(alignment, a);
        }
        return new StructLayout(offset, alignment, offsets);
    }
}
