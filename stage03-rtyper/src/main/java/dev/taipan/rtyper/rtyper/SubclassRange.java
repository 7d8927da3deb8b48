package dev.taipan.rtyper.rtyper;

/**
 * A class's numbers for {@code isinstance}: the class itself is numbered {@code min}, and its
 * subclasses, at every depth, are exactly the classes numbered in {@code [min, max)}. So
 * {@code isinstance(x, C)} is {@code C.min <= type(x).min < C.max}: the rtyper emits it as one
 * subtraction and one unsigned comparison.
 *
 * @param min the class's own number ({@code subclassrange_min} in its vtable)
 * @param max one past the last number of its subclasses ({@code subclassrange_max})
 */
public record SubclassRange(long min, long max) {

    /** True if a class numbered {@code id} is this class or one of its subclasses. */
    public boolean includes(long id) {
        return min <= id && id < max;
    }

    /** True if the class of range {@code other} is this class or one of its subclasses. */
    public boolean includes(SubclassRange other) {
        return includes(other.min);
    }
}
