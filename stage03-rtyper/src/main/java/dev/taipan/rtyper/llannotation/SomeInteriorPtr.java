package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.Annotator;
import dev.taipan.annotator.Describe;
import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeImpossibleValue;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.annotator.SomeValue.SomeNone;
import dev.taipan.annotator.SomeValue.SomeObject;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import java.util.List;

/**
 * The array a struct inlines, reached through a pointer to the struct ({@code s.chars} of a
 * string): PyPy's {@code _interior_ptr}, here only ever an inlined array. It is not a pointer of
 * its own (nothing may point into the middle of a GC object), but the struct's pointer and the
 * field's name: {@code s.chars[i]} is {@code getinteriorfield(s, 'chars', i)},
 * {@code s.chars[i] = c} is {@code setinteriorfield(s, 'chars', i, c)}, {@code len(s.chars)} is
 * {@code getinteriorarraysize(s, 'chars')}. At the low level its value is the struct's pointer.
 */
public record SomeInteriorPtr(Ptr parent, String field) implements SomeValue.Contributed {

    /** The inlined array. */
    public ArrayType array() {
        return (ArrayType) ((StructType) parent.to()).field(field).type();
    }

    @Override
    public SomeValue unionWith(SomeValue other) {
        return null;
    }

    @Override
    public SomeValue consider(Annotator ann, HLOp op, List<SomeValue> args) {
        if (args.stream().anyMatch(a -> a instanceof SomeImpossibleValue)) {
            return SomeValue.IMPOSSIBLE;
        }
        return switch (op) {
            case GETITEM -> {
                index(ann, args.get(1));
                yield LLAnnotations.of(array().item());
            }
            case SETITEM -> {
                index(ann, args.get(1));
                LowLevelType t = array().item();
                if (!t.equals(LLAnnotations.lowLevelType(args.get(2)))) {
                    throw Annotator.error(ann, "an item of " + parent.to() + "." + field + " holds a " + t + ", not "
                            + Describe.article(args.get(2)));
                }
                yield new SomeNone();
            }
            case LEN -> new SomeInteger(true, false, null);
            case BOOL -> new SomeBool(null);
            default -> new SomeObject();
        };
    }

    private void index(Annotator ann, SomeValue index) {
        if (!(index instanceof SomeInteger i && !i.unsigned() || index instanceof SomeBool)) {
            throw Annotator.error(ann, "an index into " + parent.to() + "." + field + " is an int, not "
                    + Describe.article(index));
        }
    }

    @Override
    public String pyType() {
        return "interior " + parent + "." + field;
    }

    @Override
    public boolean contains(PyObject v) {
        return false;
    }
}
