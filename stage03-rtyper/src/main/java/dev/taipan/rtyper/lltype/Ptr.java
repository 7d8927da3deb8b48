package dev.taipan.rtyper.lltype;

import java.util.Objects;

/**
 * A pointer to a container, PyPy's {@code Ptr(T)}. At run time it is a machine address (8
 * bytes), or 0 for the null pointer. A pointer to a {@link FuncType} is a function pointer.
 *
 * <p>Two {@code Ptr}s are equal when they point to the same type; struct types compare by
 * identity, so {@code new Ptr(node).equals(new Ptr(node))} but not with another struct that
 * happens to be called {@code Node} too.
 */
public record Ptr(ContainerType to) implements LowLevelType {

    public Ptr {
        Objects.requireNonNull(to, "Ptr to what?");
    }

    /**
     * Whether {@code cast_pointer} between the two is allowed: both point to one struct that
     * starts with the other inlined (an upcast or a downcast along a first-field chain, which
     * never moves the address), or they are the same type.
     */
    public boolean castableTo(Ptr other) {
        if (to.equals(other.to)) {
            return true;
        }
        return to instanceof StructType a && other.to instanceof StructType b
                && (a.startsWith(b) || b.startsWith(a));
    }

    @Override
    public String toString() {
        return "Ptr(" + to + ")";
    }
}
