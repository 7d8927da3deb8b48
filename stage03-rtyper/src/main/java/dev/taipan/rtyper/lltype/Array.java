package dev.taipan.rtyper.lltype;

/**
 * A raw array (no GC header). Inlined as the last field of a struct it makes that struct
 * var-sized: a string is {@code GcStruct rpy_string { hash: Signed; chars: Array(Char) }}, one
 * allocation holding the header, the hash, the length and the bytes.
 */
public record Array(LowLevelType item) implements ArrayType {

    public Array {
        Inlining.checkItem(item);
    }

    @Override
    public boolean isGc() {
        return false;
    }

    @Override
    public String toString() {
        return "Array(" + item + ")";
    }
}
