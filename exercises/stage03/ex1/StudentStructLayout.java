package stage03.ex1;

import dev.taipan.rtyper.lltype.StructLayout;
import dev.taipan.rtyper.lltype.StructLayouter;
import dev.taipan.rtyper.lltype.StructType;

/**
 * Exercise stage03/ex1: where the fields of a struct go in memory. The task is in README.md
 * next to this file; {@code ./taipan grade stage03/ex1} grades this class, and
 * {@code ./taipan --use-student stage03/ex1 rtype prog.py --function f} runs the rtyper with it.
 */
public final class StudentStructLayout implements StructLayouter {

    @Override
    public StructLayout layout(StructType struct) {
        // TODO: one offset per field of struct, its alignment and its size, by C's rules on
        // x86-64, with the GC header and the inlined parent (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage03/ex1 is not done yet");
    }
}
