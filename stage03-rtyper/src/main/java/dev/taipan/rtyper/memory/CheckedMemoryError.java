package dev.taipan.rtyper.memory;

/**
 * A load or store that the program's types do not allow, found by the checked heap: outside any
 * live object, outside the object's bounds, at an offset where no field of that kind starts, or
 * into read-only prebuilt data. The message says what was accessed and what is there, as ASan
 * does ("load of Signed at offset 24 of a GcStruct Node (size 24): out of bounds"). Also a null
 * pointer dereference, which both heaps report.
 */
public final class CheckedMemoryError extends RuntimeException {

    CheckedMemoryError(String message) {
        super(message);
    }
}
