package dev.taipan.flowgraph.host.lib;

import dev.taipan.flowgraph.syntax.PyRepr;
import java.math.BigInteger;

/**
 * One right-hand operand of {@code template % args}, as {@link PercentFormat} needs to see it.
 * The host interpreter implements it over its own objects (calling {@code __str__},
 * {@code __repr__}, {@code __index__}, {@code __float__} as Python would); {@link #of} wraps the
 * plain Java values that stand for str, int, bool and float.
 */
public interface PercentArg {

    /** {@code str(x)}, for {@code %s}. */
    String str();

    /** {@code repr(x)}, for {@code %r}. */
    String repr();

    /** {@code ascii(x)}, for {@code %a}. */
    String ascii();

    /**
     * The value as an integer through {@code __index__} (int, bool), for {@code %x %X %o %c} and
     * {@code *}; null if there is none. For {@code %d %i %u}, when this is null,
     * {@link #real()} is tried next and truncated, which is how CPython formats a float with
     * {@code %d}.
     */
    BigInteger integer();

    /** The value as a float for {@code %e %f %g} (an int converts; the implementation may throw
     *  OverflowError {@code int too large to convert to float}), or null if not a number. */
    Double real();

    /** The Python type name for TypeError messages ({@code str}, {@code float}, ...);
     *  {@code %c} accepts a one-character value whose type name is {@code str}. */
    String typeName();

    /** A PercentArg for a String, Integer, Long, BigInteger, Boolean or Double. */
    static PercentArg of(Object value) {
        return switch (value) {
            case String s -> new Simple(s, PyRepr.str(s), PercentFormat.ascii(PyRepr.str(s)), null, null, "str");
            case Boolean b -> {
                String text = b ? "True" : "False";
                BigInteger i = b ? BigInteger.ONE : BigInteger.ZERO;
                yield new Simple(text, text, text, i, i.doubleValue(), "bool");
            }
            case Integer i -> ofInt(BigInteger.valueOf(i));
            case Long l -> ofInt(BigInteger.valueOf(l));
            case BigInteger b -> ofInt(b);
            case Double d -> {
                String text = FloatFormat.repr(d);
                yield new Simple(text, text, text, null, d, "float");
            }
            default -> throw new IllegalArgumentException("not a plain Python value: " + value.getClass());
        };
    }

    private static PercentArg ofInt(BigInteger v) {
        return new PercentArg() {
            @Override public String str() { return IntFormat.str(v); }
            @Override public String repr() { return IntFormat.str(v); }
            @Override public String ascii() { return IntFormat.str(v); }
            @Override public BigInteger integer() { return v; }
            @Override public Double real() { return FloatFormat.fromInt(v); }
            @Override public String typeName() { return "int"; }
        };
    }

    /** A value whose texts are known up front. */
    record Simple(String str, String repr, String ascii, BigInteger integer, Double real, String typeName)
            implements PercentArg {}
}
