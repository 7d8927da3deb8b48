package dev.taipan.rtyper.lltype;

/**
 * Where a container may sit inside another one, the rules PyPy's {@code Struct.__init__} and
 * {@code Array.__init__} check. They keep every layout computable and every object one
 * allocation:
 * <ul>
 *   <li>a {@code GcStruct} is inlined only as the first field of a {@code GcStruct} (its parent);
 *       anywhere else there would be a second GC header inside the object;
 *   <li>a {@code GcArray} is never inlined, and an inlined {@code Array} is the last field (its
 *       length is chosen at allocation, so nothing can follow it);
 *   <li>an inlined struct or an array item has a fixed size and is already defined (a forward
 *       reference can only be pointed to: its size is not known yet);
 *   <li>a function is never inlined: only pointed to.
 * </ul>
 */
final class Inlining {

    private Inlining() {
    }

    static void checkField(StructType owner, Field field, boolean first, boolean last) {
        String where = owner + ", field '" + field.name() + "': ";
        switch (field.type()) {
            case FuncType f -> throw new IllegalArgumentException(where + "a function cannot be inlined; use Ptr(" + f + ")");
            case GcArray a -> throw new IllegalArgumentException(where + a + " cannot be inlined (it has its own GC header); use Ptr(" + a + ")");
            case Array a -> {
                if (!last) {
                    throw new IllegalArgumentException(where + "an inlined " + a + " must be the last field (it makes the struct var-sized)");
                }
            }
            case GcStruct s -> {
                if (!(owner instanceof GcStruct) || !first) {
                    throw new IllegalArgumentException(where + s + " can only be inlined as the first field of a GcStruct (its parent)");
                }
                checkFixedSize(where, s);
            }
            case Struct s -> checkFixedSize(where, s);
            case Primitive _, Ptr _ -> { }
        }
    }

    static void checkItem(LowLevelType item) {
        String where = "array of " + item + ": ";
        switch (item) {
            case GcStruct s -> throw new IllegalArgumentException(where + "a GcStruct cannot be an array item (each would need its own GC header); use Ptr(" + s + ")");
            case Struct s -> checkFixedSize(where, s);
            case ArrayType a -> throw new IllegalArgumentException(where + "arrays cannot be items of arrays; use Ptr(" + a + ")");
            case FuncType f -> throw new IllegalArgumentException(where + "a function cannot be an array item; use Ptr(" + f + ")");
            case Primitive _, Ptr _ -> { }
        }
    }

    private static void checkFixedSize(String where, StructType s) {
        if (!s.isDefined()) {
            throw new IllegalArgumentException(where + s + " is a forward reference: it can be pointed to, not inlined, until become() gives it fields");
        }
        if (s.isVarsize()) {
            throw new IllegalArgumentException(where + s + " is var-sized and cannot be inlined");
        }
    }
}
