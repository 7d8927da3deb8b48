package dev.taipan.x86.load;

import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.taipan.rtyper.lltype.FuncType;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.x86.gen.Entries;
import java.lang.foreign.MemorySegment;
import java.util.List;

/**
 * Java values as the arguments of a translated function, placed where System V passes them in
 * {@code rt_enter}'s block (words and doubles counted apart, {@code Void} not passed at all), and
 * its result read back. Only numbers, booleans and characters cross: a pointer would need an
 * object of the program's heap, which Java has no way to make.
 */
record NativeArguments(String function, FuncType signature, List<?> values) {

    static NativeArguments of(String function, FuncType signature, List<?> values) {
        if (values.size() != signature.args().size()) {
            throw new IllegalArgumentException(function + " takes " + signature.args().size() + " arguments ("
                    + signature + "), not " + values.size());
        }
        int words = 0;
        int doubles = 0;
        for (int i = 0; i < values.size(); i++) {
            LowLevelType t = signature.args().get(i);
            if (!(t instanceof Primitive p)) {
                throw new IllegalArgumentException(function + "'s argument " + (i + 1) + " is a " + t
                        + ": only numbers, booleans and characters can be passed from Java");
            }
            if (p != Primitive.VOID && !p.holds(convert(p, values.get(i)))) {
                throw new IllegalArgumentException(function + "'s argument " + (i + 1) + " must be a " + p + ", not "
                        + values.get(i));
            }
            if (p == Primitive.FLOAT) {
                doubles++;
            } else if (p != Primitive.VOID) {
                words++;
            }
        }
        if (words > Entries.BLOCK_WORDS || doubles > Entries.BLOCK_DOUBLES) {
            throw new IllegalArgumentException(function + " takes arguments on the stack, which a call from Java "
                    + "does not pass (at most six words and eight doubles)");
        }
        if (!(signature.result() instanceof Primitive)) {
            throw new IllegalArgumentException(function + " returns a " + signature.result()
                    + ": only numbers, booleans and characters can be returned to Java");
        }
        return new NativeArguments(function, signature, List.copyOf(values));
    }

    /** An {@code Integer} is as good as a {@code Long}, a {@code Float} or integer as a {@code Double}. */
    private static Object convert(Primitive p, Object v) {
        return switch (p) {
            case SIGNED, UNSIGNED, ADDRESS -> v instanceof Integer i ? (Object) i.longValue() : v;
            case FLOAT -> v instanceof Number n && !(v instanceof Double) ? (Object) n.doubleValue() : v;
            default -> v;
        };
    }

    /** The arguments into the block: words from its start, doubles after the six words. */
    void store(MemorySegment block) {
        int words = 0;
        int doubles = 0;
        for (int i = 0; i < values.size(); i++) {
            Primitive p = (Primitive) signature.args().get(i);
            Object v = convert(p, values.get(i));
            switch (p) {
                case VOID -> { }
                case FLOAT -> block.setAtIndex(JAVA_DOUBLE, Entries.BLOCK_WORDS + doubles++, (Double) v);
                case BOOL -> block.setAtIndex(JAVA_LONG, words++, (Boolean) v ? 1 : 0);
                case CHAR -> block.setAtIndex(JAVA_LONG, words++, (Character) v);
                default -> block.setAtIndex(JAVA_LONG, words++, (Long) v);
            }
        }
    }

    /** The result, from {@code rax} (the first word) or {@code xmm0} (the first double). */
    Object result(MemorySegment block) {
        long word = block.getAtIndex(JAVA_LONG, 0);
        return switch ((Primitive) signature.result()) {
            case VOID -> null;
            case FLOAT -> block.getAtIndex(JAVA_DOUBLE, Entries.BLOCK_WORDS);
            case BOOL -> (word & 0xff) != 0;
            case CHAR -> (char) (word & 0xff);
            default -> word;
        };
    }
}
