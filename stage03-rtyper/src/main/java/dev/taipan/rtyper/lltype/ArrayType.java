package dev.taipan.rtyper.lltype;

/**
 * An array type: a length word, then that many items of one type (PyPy's {@code Array} and
 * {@code GcArray}). The length is chosen at allocation ({@code malloc_varsize}) and never
 * changes; a growable RPy list is a struct pointing to such an array, replaced when it fills.
 *
 * <p>Unlike struct types, array types are values: {@code new GcArray(SIGNED)} equals any other
 * {@code GcArray(Signed)}, as in PyPy, so each part of the rtyper can build the type it needs.
 */
public sealed interface ArrayType extends ContainerType permits Array, GcArray {

    /** The type of every item. */
    LowLevelType item();
}
