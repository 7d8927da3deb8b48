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
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.lltype.ArrayType;
import dev.taipan.rtyper.lltype.Field;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.lltype.StructType;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A pointer of type {@code type}, as RPy helper code holds one (PyPy's {@code SomePtr}): stage
 * 03's contribution to the annotator's lattice. A helper reads and writes the fields of a
 * struct ({@code p.x}, {@code p.x = v}: the field's type decides the annotation, a
 * {@code Signed} field gives an int, a {@code Ptr} field another {@code SomePtr}), the items
 * and length of an array ({@code a[i]}, {@code a[i] = v}, {@code len(a)}), tests it for null
 * ({@code if p:}) and compares it ({@code p == q}, {@code p is q}). Two pointers of different
 * types never meet in one variable; a field that does not exist, or a value of another type
 * stored into one, is an annotation error at the helper's line, as for any RPy code.
 *
 * <p>A field that inlines an array (a string's {@code chars}) gives an interior pointer,
 * {@link SomeInteriorPtr}; one that inlines a struct is refused.
 */
public record SomePtr(Ptr type) implements SomeValue.Contributed {

    @Override
    public SomeValue unionWith(SomeValue other) {
        return null;   // equal pointers are joined before; any other meeting is a type error
    }

    @Override
    public SomeValue consider(Annotator ann, HLOp op, List<SomeValue> args) {
        if (args.stream().anyMatch(a -> a instanceof SomeImpossibleValue)) {
            return SomeValue.IMPOSSIBLE;   // an operand not known yet: the block is flowed again when it is
        }
        return switch (op) {
            case GETATTR -> {
                Field f = field(ann, args.get(1));
                yield f.isInlined() ? new SomeInteriorPtr(type, f.name()) : LLAnnotations.of(f.type());
            }
            case SETATTR -> {
                Field f = field(ann, args.get(1));
                if (f.isInlined()) {
                    throw Annotator.error(ann, "field '" + f.name() + "' of " + type.to() + " is inlined: set its items, not the field");
                }
                store(ann, f.type(), args.get(2), "field '" + f.name() + "' of " + type.to());
                yield new SomeNone();
            }
            case GETITEM -> {
                LowLevelType item = array(ann, args.get(1)).item();
                // the items of a list nothing was ever put in (its item annotation impossible,
                // its repr None) are Void: reading one gives None, as lltype's Void does
                yield item == Primitive.VOID ? new SomeNone() : LLAnnotations.of(item);
            }
            case SETITEM -> {
                ArrayType a = array(ann, args.get(1));
                if (a.item() != Primitive.VOID) {   // a Void item holds nothing: any None goes
                    store(ann, a.item(), args.get(2), "an item of " + a);
                }
                yield new SomeNone();
            }
            case LEN -> {
                array(ann, null);
                yield new SomeInteger(true, false, null);
            }
            case BOOL, NOT_ -> new SomeBool(null);
            case EQ, NE, IS_, IS_NOT -> {
                if (!(args.get(0) instanceof SomePtr a && args.get(1) instanceof SomePtr b && a.type.equals(b.type))) {
                    throw Annotator.error(ann, "cannot compare " + Describe.article(args.get(0)) + " and "
                            + Describe.article(args.get(1)) + ": pointers compare with pointers of their type");
                }
                yield new SomeBool(null);
            }
            default -> new SomeObject();
        };
    }

    /** The field a constant attribute name names, which must hold a value (not inline a container). */
    private Field field(Annotator ann, SomeValue name) {
        if (!(type.to() instanceof StructType s)) {
            throw Annotator.error(ann, type.to() + " is an array: it has items (a[i]) and a length, no fields");
        }
        String n = ((PyStr) name.konst()).value();
        if (s.fields().stream().noneMatch(f -> f.name().equals(n))) {
            throw Annotator.error(ann, s + " has no field '" + n + "' (its fields: "
                    + s.fields().stream().map(Field::name).collect(Collectors.joining(", ")) + ")");
        }
        Field f = s.field(n);
        if (f.isInlined() && !(f.type() instanceof ArrayType)) {
            throw Annotator.error(ann, "field '" + n + "' of " + s + " inlines a " + f.type()
                    + ": only an inlined array is reached through an interior pointer here");
        }
        return f;
    }

    private ArrayType array(Annotator ann, SomeValue index) {
        if (!(type.to() instanceof ArrayType a)) {
            throw Annotator.error(ann, type.to() + " is a struct: it has fields (p.x), no items or length");
        }
        if (index != null && !(index instanceof SomeInteger i && !i.unsigned() || index instanceof SomeBool)) {
            throw Annotator.error(ann, "an index into " + a + " is an int, not " + Describe.article(index));
        }
        return a;
    }

    /** A value stored into memory of type {@code t} has exactly that type, as in PyPy's lltype. */
    private static void store(Annotator ann, LowLevelType t, SomeValue value, String where) {
        if (!t.equals(LLAnnotations.lowLevelType(value))) {
            throw Annotator.error(ann, where + " holds a " + t + ", not " + Describe.article(value));
        }
    }

    @Override
    public String pyType() {
        return type.toString();
    }

    /** The host has no pointers: no host value is in this annotation. */
    @Override
    public boolean contains(PyObject v) {
        return false;
    }
}
