package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Slot;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.StructType;
import java.util.Optional;

/**
 * {@code except C:} decided at translation time, when the class raised is a constant: the same
 * range check the llinterp makes on vtables ({@code subclassrange_min} of the class raised in
 * {@code [C.min, C.max)}, see the chapter's numbering), read from the prebuilt vtables' bytes.
 * What inlining needs to send a callee's {@code raise StopIteration} straight to the caller's
 * handler.
 */
final class ExceptionMatch {
    private ExceptionMatch() { }

    /** Whether a raise of class {@code raised} is caught by an exception link of case {@code handler}; empty if unknown. */
    static Optional<Boolean> catches(Object handler, Value raised) {
        if (handler instanceof LLConstant(Prebuilt h, var _) && raised instanceof Constant(LLConstant(Prebuilt r, var _))) {
            long min = range(h, "subclassrange_min");
            long max = range(h, "subclassrange_max");
            long at = range(r, "subclassrange_min");
            return Optional.of(min <= at && at < max);
        }
        return Optional.empty();
    }

    /** The class-numbering field {@code name} of a vtable, found through its inlined parents. */
    private static long range(Prebuilt vtable, String name) {
        StructType t = (StructType) vtable.type();
        Slot s = null;
        while (t.fields().stream().noneMatch(f -> f.name().equals(name))) {
            String first = t.fields().getFirst().name();
            s = s == null ? vtable.field(first) : s.field(first);
            t = (StructType) t.fields().getFirst().type();
        }
        return (Long) (s == null ? vtable.field(name) : s.field(name)).get();
    }
}
