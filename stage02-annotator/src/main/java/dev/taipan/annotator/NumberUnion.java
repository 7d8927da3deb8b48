package dev.taipan.annotator;

/**
 * The join of the numeric part of the lattice: bools, machine-word ints and floats (see
 * {@link Union#numbers}, the reference). {@link Union#union} hands every meeting of two numbers
 * here, after the cases every annotation shares (equal annotations, the bottom, the top, None).
 * An interface so that a student's join can take the reference's place (see {@link Exercised}).
 */
@FunctionalInterface
public interface NumberUnion {
    /** The least annotation covering both numbers {@code a} and {@code b}. */
    SomeValue union(SomeValue a, SomeValue b);
}
