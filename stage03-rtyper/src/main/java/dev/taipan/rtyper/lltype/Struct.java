package dev.taipan.rtyper.lltype;

/**
 * A raw struct: no GC header, not managed by the GC. It is inlined in other containers (a
 * substructure, the items of an array of structs) or prebuilt in the image (a vtable is a
 * {@code Struct}: it is never freed, so the GC need not know it).
 */
public final class Struct extends StructType {

    private Struct(String name) {
        super(name);
    }

    /** A struct with its fields. */
    public static Struct of(String name, Field... fields) {
        Struct s = forward(name);
        s.become(fields);
        return s;
    }

    /** A struct whose fields come later, through {@link #become}: for recursive types. */
    public static Struct forward(String name) {
        return new Struct(name);
    }

    @Override
    public boolean isGc() {
        return false;
    }
}
