package dev.taipan.rtyper.rtyper;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The numbering of a class tree that makes {@code isinstance} one range check (PyPy's
 * {@code subclassrange_min} and {@code subclassrange_max}; the reference is
 * {@link PreorderNumbering}). {@link ClassTree} numbers its classes with the current one
 * ({@link dev.taipan.rtyper.Exercised#CLASS_NUMBERING}), once per rtyper, and every vtable
 * carries its class's range. An interface so that a student's numbering can take the
 * reference's place.
 *
 * <p>Generic in the class: the rtyper passes its own class objects, the tests strings.
 */
public interface ClassNumbering {
    /**
     * The range of every class of the tree below {@code root}, {@code root} included, such that
     * a class D is C or a subclass of C exactly when {@code C.min <= D.min < C.max}. The
     * direct subclasses of a class, in order, are {@code subclasses.apply(c)}.
     */
    <C> Map<C, SubclassRange> number(C root, Function<C, List<C>> subclasses);
}
