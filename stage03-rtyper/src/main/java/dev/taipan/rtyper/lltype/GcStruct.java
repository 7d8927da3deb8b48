package dev.taipan.rtyper.lltype;

/**
 * A struct owned by the garbage collector: an RPy instance, a string, a list header. Its bytes
 * start with the one-word GC header (see {@link Layout}).
 *
 * <p>Single inheritance is a first field that inlines the parent's {@code GcStruct}: the
 * subclass {@code B(A)} is {@code GcStruct B { super: GcStruct A; ...B's own fields }}. The
 * parent's bytes, header included, come first, so a {@code Ptr(B)} is a valid {@code Ptr(A)}
 * with no arithmetic and the header is not repeated. A {@code GcStruct} may be inlined only
 * there, as the first field of another {@code GcStruct}.
 */
public final class GcStruct extends StructType {

    private GcStruct(String name) {
        super(name);
    }

    /** A Gc struct with its fields (the first one inlining the parent, if it has one). */
    public static GcStruct of(String name, Field... fields) {
        GcStruct s = forward(name);
        s.become(fields);
        return s;
    }

    /** A Gc struct whose fields come later, through {@link #become}: PyPy's {@code GcForwardReference}. */
    public static GcStruct forward(String name) {
        return new GcStruct(name);
    }

    /** The struct this one inherits from (its first field's, when that is a GcStruct), or null. */
    public GcStruct parent() {
        if (!fields().isEmpty() && fields().getFirst().type() instanceof GcStruct p) {
            return p;
        }
        return null;
    }

    @Override
    public boolean isGc() {
        return true;
    }
}
