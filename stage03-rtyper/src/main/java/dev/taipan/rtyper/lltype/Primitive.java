package dev.taipan.rtyper.lltype;

/**
 * The primitive low-level types, PyPy's {@code Signed}, {@code Unsigned}, {@code Float},
 * {@code Bool}, {@code Char} and {@code Void}. Each is a singleton, printed with PyPy's name.
 *
 * <p>{@code Signed} is the machine word of RPy's {@code int}; {@code Unsigned} the same 64 bits
 * read as {@code r_uint}; {@code Float} a C {@code double}; {@code Bool} and {@code Char} one
 * byte each (a {@code Char} is a byte 0..255: RPy strings are byte strings). {@code Void} has no
 * bits at all: a value whose type is {@code Void} is known at translation time (a constant
 * function, a frozen prebuilt object with no data), so it is never stored or passed.
 */
public enum Primitive implements LowLevelType {
    SIGNED("Signed"),
    UNSIGNED("Unsigned"),
    FLOAT("Float"),
    BOOL("Bool"),
    CHAR("Char"),
    VOID("Void");

    private final String pypyName;

    Primitive(String pypyName) {
        this.pypyName = pypyName;
    }

    @Override
    public String toString() {
        return pypyName;
    }
}
