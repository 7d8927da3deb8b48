package dev.taipan.rtyper.lltype;

import java.util.Objects;

/**
 * One named field of a struct. A field whose type is a {@link Primitive} or a {@link Ptr} holds
 * a value; a field whose type is a struct or an array <em>inlines</em> that container: its bytes
 * are part of the outer struct, and {@code getsubstruct} returns a pointer into the middle of it.
 */
public record Field(String name, LowLevelType type) {

    public Field {
        Objects.requireNonNull(name, "field name");
        Objects.requireNonNull(type, "type of field " + name);
    }

    /** True if the field's bytes are a whole struct or array, not a value. */
    public boolean isInlined() {
        return type instanceof ContainerType;
    }

    @Override
    public String toString() {
        return name + ": " + type;
    }
}
