package stage04.ex1;

import dev.taipan.gc.layout.TypeInfo;
import dev.taipan.gc.layout.TypeLayouter;
import dev.taipan.rtyper.lltype.ContainerType;

/**
 * Exercise stage04/ex1: the collector's map of a type. The task is in README.md next to this
 * file; {@code ./taipan grade stage04/ex1} grades this class, and
 * {@code ./taipan --use-student stage04/ex1 exec --stage=gc --gc=semispace --gc-stress prog.py}
 * runs a program whose collector traces every object by it.
 */
public final class StudentTypeLayout implements TypeLayouter {

    @Override
    public TypeInfo describe(int id, ContainerType type) {
        // TODO: the fixed size of type, the offsets of its GC pointers (inlined structs too), and
        // for a var-sized type its length, its items and the GC pointers in one item
        // (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage04/ex1 is not done yet");
    }
}
