package dev.taipan.rtyper.lloperation;

import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleToLongFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongUnaryOperator;

/**
 * The Java implementation of a pure operation, on machine words: every integer-like value
 * ({@code Signed}, {@code Unsigned}, {@code Bool} as 0 or 1, {@code Char} as 0..255, a pointer
 * as its address) is a {@code long}, a {@code Float} is a {@code double}. That is what a
 * register holds, so the llinterp can call these on its registers with no boxing, and the
 * constant folder calls the same functions through {@link LowLevelOperation#fold}: one
 * definition of what {@code int_floordiv} means, not two that could disagree.
 *
 * <p>One record per shape of function; a caller picks the shape once (when it prepares a graph)
 * and then calls the function directly.
 */
public sealed interface Impl {

    /** Two words to a word: {@code int_add}, {@code uint_mul}, {@code int_lshift}. */
    record WordBinary(LongBinaryOperator op) implements Impl { }

    /** A word to a word: {@code int_neg}, {@code int_invert}, the casts between word types. */
    record WordUnary(LongUnaryOperator op) implements Impl { }

    /** Two words to a truth value: {@code int_lt}, {@code uint_lt}, {@code char_eq}, {@code ptr_eq}. */
    record WordCompare(LongComparison test) implements Impl { }

    /** A word to a truth value: {@code int_is_true}, {@code bool_not}, {@code ptr_iszero}. */
    record WordTest(LongPredicate test) implements Impl { }

    /** Two floats to a float: {@code float_add}, {@code float_truediv}. */
    record FloatBinary(DoubleBinaryOperator op) implements Impl { }

    /** A float to a float: {@code float_neg}, {@code float_abs}. */
    record FloatUnary(DoubleUnaryOperator op) implements Impl { }

    /** Two floats to a truth value: {@code float_lt} (IEEE: false when either is NaN, but {@code float_ne}). */
    record FloatCompare(DoubleComparison test) implements Impl { }

    /** A float to a truth value: {@code float_is_true}. */
    record FloatTest(DoublePredicate test) implements Impl { }

    /** A float to a word: {@code cast_float_to_int}. */
    record FloatToWord(DoubleToLongFunction op) implements Impl { }

    /** A word to a float: {@code cast_int_to_float}. */
    record WordToFloat(LongToDoubleFunction op) implements Impl { }

    /** The value itself, whatever its type: {@code same_as}, {@code cast_pointer}. */
    record Identity() implements Impl { }

    @FunctionalInterface
    interface LongComparison {
        boolean test(long a, long b);
    }

    @FunctionalInterface
    interface DoubleComparison {
        boolean test(double a, double b);
    }
}
