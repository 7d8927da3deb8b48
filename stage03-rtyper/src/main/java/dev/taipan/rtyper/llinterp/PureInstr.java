package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.lloperation.Impl;
import dev.taipan.rtyper.lloperation.Impl.DoubleComparison;
import dev.taipan.rtyper.lloperation.Impl.LongComparison;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoublePredicate;
import java.util.function.DoubleToLongFunction;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.function.LongPredicate;
import java.util.function.LongToDoubleFunction;
import java.util.function.LongUnaryOperator;

/**
 * A pure operation, run by its catalogue's Java implementation ({@link Impl}) on the words of
 * the frame: one instruction shape per shape of implementation, so the constant folder and the
 * llinterp share one definition of every operation. Floats are stored as raw bits, truth values
 * as 0 and 1. An {@code _ovf} operation's implementation throws {@code LowLevelOverflow}, which
 * the frame turns into {@code OverflowError}.
 */
sealed interface PureInstr extends Instr {

    /** The instruction for {@code impl} applied to the slots {@code args}, its result in {@code result}. */
    static PureInstr of(Impl impl, int[] args, int result) {
        return switch (impl) {
            case Impl.WordBinary(var op) -> new WordBinary(op, args[0], args[1], result);
            case Impl.WordUnary(var op) -> new WordUnary(op, args[0], result);
            case Impl.WordCompare(var test) -> new WordCompare(test, args[0], args[1], result);
            case Impl.WordTest(var test) -> new WordTest(test, args[0], result);
            case Impl.FloatBinary(var op) -> new FloatBinary(op, args[0], args[1], result);
            case Impl.FloatUnary(var op) -> new FloatUnary(op, args[0], result);
            case Impl.FloatCompare(var test) -> new FloatCompare(test, args[0], args[1], result);
            case Impl.FloatTest(var test) -> new FloatTest(test, args[0], result);
            case Impl.FloatToWord(var op) -> new FloatToWord(op, args[0], result);
            case Impl.WordToFloat(var op) -> new WordToFloat(op, args[0], result);
            case Impl.Identity() -> new Copy(args[0], result);
        };
    }

    private static double d(long bits) {
        return Double.longBitsToDouble(bits);
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    record WordBinary(LongBinaryOperator op, int x, int y, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = op.applyAsLong(f[x], f[y]);
        }
    }

    record WordUnary(LongUnaryOperator op, int x, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = op.applyAsLong(f[x]);
        }
    }

    record WordCompare(LongComparison test, int x, int y, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = test.test(f[x], f[y]) ? 1 : 0;
        }
    }

    record WordTest(LongPredicate test, int x, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = test.test(f[x]) ? 1 : 0;
        }
    }

    record FloatBinary(DoubleBinaryOperator op, int x, int y, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = bits(op.applyAsDouble(d(f[x]), d(f[y])));
        }
    }

    record FloatUnary(DoubleUnaryOperator op, int x, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = bits(op.applyAsDouble(d(f[x])));
        }
    }

    record FloatCompare(DoubleComparison test, int x, int y, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = test.test(d(f[x]), d(f[y])) ? 1 : 0;
        }
    }

    record FloatTest(DoublePredicate test, int x, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = test.test(d(f[x])) ? 1 : 0;
        }
    }

    record FloatToWord(DoubleToLongFunction op, int x, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = op.applyAsLong(d(f[x]));
        }
    }

    record WordToFloat(LongToDoubleFunction op, int x, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = bits(op.applyAsDouble(f[x]));
        }
    }

    /** {@code same_as}, {@code cast_pointer}: the word itself. */
    record Copy(int x, int result) implements PureInstr {
        @Override
        public void exec(long[] f) {
            f[result] = f[x];
        }
    }
}
