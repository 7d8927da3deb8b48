package dev.taipan.rtyper.lltype;

/**
 * The primitive low-level types, PyPy's {@code Signed}, {@code Unsigned}, {@code Float},
 * {@code Bool}, {@code Char}, {@code Void}, and {@code llmemory}'s {@code Address}. Each is a singleton, printed with PyPy's name.
 *
 * <p>{@code Signed} is the machine word of RPy's {@code int}; {@code Unsigned} the same 64 bits
 * read as {@code r_uint}; {@code Float} a C {@code double}; {@code Bool} and {@code Char} one
 * byte each (a {@code Char} is a byte 0..255: RPy strings are byte strings). {@code Void} has no
 * bits at all: a value whose type is {@code Void} is known at translation time (a constant
 * function, a frozen prebuilt object with no data), so it is never stored or passed.
 */
public enum Primitive implements LowLevelType {
    SIGNED("Signed", Long.class),
    UNSIGNED("Unsigned", Long.class),
    FLOAT("Float", Double.class),
    BOOL("Bool", Boolean.class),
    CHAR("Char", Character.class),
    /**
     * PyPy's {@code llmemory.Address}: a machine word that is an address into memory of no
     * declared type, what the garbage collectors of stage 04 compute with (a bump pointer, an
     * object's start read as words). Unlike a {@code Ptr}, it may be added to and compared.
     */
    ADDRESS("Address", Long.class),
    VOID("Void", Void.class);

    private final String pypyName;
    private final Class<?> javaClass;

    Primitive(String pypyName, Class<?> javaClass) {
        this.pypyName = pypyName;
        this.javaClass = javaClass;
    }

    /**
     * How a constant of this type is held in Java, wherever one is (a prebuilt object's field, a
     * folded operation's result): {@code Long} for {@code Signed} and {@code Unsigned} (the same
     * 64 bits), {@code Double}, {@code Boolean}, {@code Character} (0..255); {@code Void} holds
     * nothing, so its only value is {@code null}.
     */
    public boolean holds(Object value) {
        return this == VOID ? value == null : javaClass.isInstance(value)
                && !(value instanceof Character c && c > 0xFF);
    }

    @Override
    public String toString() {
        return pypyName;
    }
}
