package dev.taipan.rtyper.lltype;

/**
 * An array owned by the garbage collector (the items of an RPy list, the entries of a dict):
 * GC header, length word, items. It is always reached through a pointer, never inlined.
 */
public record GcArray(LowLevelType item) implements ArrayType {

    public GcArray {
        Inlining.checkItem(item);
    }

    @Override
    public boolean isGc() {
        return true;
    }

    @Override
    public String toString() {
        return "GcArray(" + item + ")";
    }
}
