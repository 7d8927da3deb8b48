package dev.taipan.rtyper.llannotation;

import dev.taipan.annotator.SomeValue;
import dev.taipan.annotator.SomeValue.SomeBool;
import dev.taipan.annotator.SomeValue.SomeChar;
import dev.taipan.annotator.SomeValue.SomeFloat;
import dev.taipan.annotator.SomeValue.SomeInteger;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;

/**
 * Between annotations and low-level types, PyPy's {@code lltype_to_annotation} and
 * {@code annotation_to_lltype}: what a field of type {@code Signed} gives when read (an int),
 * what a helper's argument of type {@code Ptr(STR)} is annotated as (a {@link SomePtr}).
 */
public final class LLAnnotations {
    private LLAnnotations() { }

    /** The annotation of a value of low-level type {@code t}. */
    public static SomeValue of(LowLevelType t) {
        return switch (t) {
            case Primitive p -> switch (p) {
                case SIGNED -> new SomeInteger();
                case UNSIGNED -> new SomeInteger(false, true, null);
                case FLOAT -> new SomeFloat(null);
                case BOOL -> new SomeBool(null);
                case CHAR -> new SomeChar(null);
                case ADDRESS -> contributed(t);
                case VOID -> throw new IllegalArgumentException("a Void value is a constant: its annotation is the constant's");
            };
            case Ptr p -> new SomePtr(p);
            default -> throw new IllegalArgumentException("a " + t + " is no value: only a pointer to it is");
        };
    }

    /** The annotation a later stage gives values of its own type ({@link LowLevelExtension#annotationOf}). */
    private static SomeValue contributed(LowLevelType t) {
        for (LowLevelExtension e : LowLevelExtension.all()) {
            SomeValue s = e.annotationOf(t);
            if (s != null) {
                return s;
            }
        }
        throw new IllegalArgumentException("values of type " + t + " need stage 04 (llmemory) on the class path");
    }

    /** The low-level type of values of annotation {@code s}, or null when it has none of its own here. */
    public static LowLevelType lowLevelType(SomeValue s) {
        return switch (s) {
            case SomeInteger i -> i.unsigned() ? Primitive.UNSIGNED : Primitive.SIGNED;
            case SomeBool b -> Primitive.BOOL;
            case SomeFloat f -> Primitive.FLOAT;
            case SomeChar c -> Primitive.CHAR;
            case SomePtr p -> p.type();
            case LowLevelValue v -> v.lowleveltype();
            default -> null;
        };
    }
}
