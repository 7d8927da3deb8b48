package dev.taipan.rtyper.lltype;

/**
 * The low-level string, PyPy's {@code rstr.STR}: a Gc struct holding its hash (0 until it is
 * first computed) and its bytes, {@code GcStruct rpy_string { hash: Signed; chars: Array(Char) }}.
 * RPy's {@code str} is a byte string, chars 0..255. The type lives here, below the rtyper,
 * because three parts of the system make or read strings: the rtyper (string operations and
 * constants), the image (prebuilt strings) and the llinterp (it builds {@code argv} and
 * prints strings).
 */
public final class Strings {
    private Strings() { }

    public static final String HASH = "hash";
    public static final String CHARS = "chars";
    public static final GcStruct STR = GcStruct.of("rpy_string",
            new Field(HASH, Primitive.SIGNED), new Field(CHARS, new Array(Primitive.CHAR)));
    public static final Ptr PTR = new Ptr(STR);
}
