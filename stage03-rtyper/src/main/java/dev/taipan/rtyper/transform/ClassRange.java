package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.image.Prebuilt;
import dev.taipan.rtyper.image.Slot;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.StructType;
import java.util.List;

/**
 * An {@code except C:} clause's class as the numbers of its vtable, read from the prebuilt
 * vtable itself: the rtyper numbers classes depth first, so that the subclasses of C are the
 * classes numbered in {@code [min, max)} (see {@code rtyper.SubclassRange}), and matching an
 * exception is the same range check as {@code isinstance}: one load, one subtraction, one
 * unsigned comparison.
 */
record ClassRange(long min, long max) {

    /** The root vtable's two fields, as {@code ClassRepr} declares them. */
    private static final String MIN = "subclassrange_min";
    private static final String MAX = "subclassrange_max";

    /** The range of the class whose vtable is {@code vtable}, a prebuilt struct that inlines {@code object_vtable} first. */
    static ClassRange of(Prebuilt vtable) {
        return new ClassRange((Long) rootField(vtable, MIN), (Long) rootField(vtable, MAX));
    }

    /** The range of an exception link's case, a vtable constant. */
    static ClassRange of(Object exitcase) {
        if (exitcase instanceof LLConstant(Prebuilt vtable, var t)) {
            return of(vtable);
        }
        throw new IllegalArgumentException("an exception link whose case " + exitcase + " is not a vtable constant");
    }

    boolean includes(ClassRange other) {
        return min <= other.min && other.min < max;
    }

    /** {@code etype} (a {@code Ptr(object_vtable)}) is this class or a subclass: the operations, added to {@code ops}. */
    Variable test(GraphEdit edit, List<SpaceOperation> ops, Value etype, int line) {
        Variable id = edit.add(ops, LLOp.GETFIELD, Primitive.SIGNED, line, etype, LLConstant.voidOf(MIN));
        Variable offset = edit.add(ops, LLOp.INT_SUB, Primitive.SIGNED, line, id, LLConstant.signed(min));
        Variable unsigned = edit.add(ops, LLOp.CAST_INT_TO_UINT, Primitive.UNSIGNED, line, offset);
        Constant width = LLConstant.of(max - min, Primitive.UNSIGNED);
        return edit.add(ops, LLOp.UINT_LT, Primitive.BOOL, line, unsigned, width);
    }

    /** A field of {@code object_vtable} inside a class's vtable, which inlines its parent's first, at every level. */
    private static Object rootField(Prebuilt vtable, String name) {
        StructType type = (StructType) vtable.type();
        List<String> path = new java.util.ArrayList<>();
        while (type.fields().stream().noneMatch(f -> f.name().equals(name))) {
            String first = type.fields().getFirst().name();
            path.add(first);
            type = (StructType) type.field(first).type();
        }
        path.add(name);
        Slot s = vtable.field(path.getFirst());
        for (String step : path.subList(1, path.size())) {
            s = s.field(step);
        }
        return s.get();
    }
}
