package dev.taipan.rtyper.lloperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BinaryOperator;
import org.junit.jupiter.api.Test;

/** The catalogue's properties, and its arithmetic against exact (BigInteger) arithmetic on random words. */
class LLOpTest {

    private static final BigInteger TWO_64 = BigInteger.ONE.shiftLeft(64);
    private static final BigInteger MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger MAX = BigInteger.valueOf(Long.MAX_VALUE);

    @Test
    void theCatalogueHasPyPysNamesAndItsPropertiesAreConsistent() {
        for (String name : List.of("int_add", "int_floordiv", "uint_rshift", "float_truediv", "cast_float_to_int",
                "char_le", "bool_not", "same_as", "malloc_varsize", "getinteriorfield", "getarraysubstruct",
                "cast_pointer", "ptr_iszero", "direct_call", "indirect_call", "debug_assert")) {
            assertThat(LLOp.named(name).opname()).isEqualTo(name);
        }
        assertThatThrownBy(() -> LLOp.named("int_frobnicate")).hasMessage("no low-level operation 'int_frobnicate'");
        for (LLOp op : LLOp.values()) {
            assertThat(op.pure()).as("%s folds iff it has an implementation", op).isEqualTo(op.impl() != null);
            if (op.pure()) {
                assertThat(op.hasSideEffects()).as("%s", op).isFalse();
            }
            assertThat(op.raises().contains("OverflowError")).as("%s", op).isEqualTo(op.opname().endsWith("_ovf"));
        }
        assertThat(LLOp.MALLOC.canMallocGc()).isTrue();
        assertThat(LLOp.MALLOC.raises()).containsExactly("MemoryError");
        assertThat(LLOp.DIRECT_CALL.raises()).containsExactly("Exception");
        assertThat(LLOp.GETFIELD.hasSideEffects()).isFalse();
        assertThat(LLOp.GETFIELD.pure()).isFalse();
        assertThat(LLOp.SETFIELD.hasSideEffects()).isTrue();
        assertThat(LLOp.INT_ADD.signature().toString()).isEqualTo("(Signed, Signed) -> Signed");
    }

    @Test
    void foldChecksItsOperandsAgainstTheSignature() {
        assertThatThrownBy(() -> LLOp.INT_ADD.fold(1L, 2.0))
                .hasMessage("int_add (Signed, Signed) -> Signed: operand 2 is 2.0, not a Signed");
        assertThatThrownBy(() -> LLOp.INT_NEG.fold(1L, 2L)).hasMessage("int_neg takes 1 operands, got 2");
        assertThatThrownBy(() -> LLOp.GETFIELD.fold(1L)).hasMessage("getfield is not a pure operation: it cannot be folded");
        assertThat(LLOp.SAME_AS.fold("anything")).isEqualTo("anything");
        assertThat(LLOp.PTR_EQ.fold(4096L, 4096L)).isEqualTo(true);
        assertThat(LLOp.CAST_INT_TO_CHAR.fold(104L)).isEqualTo('h');
    }

    @Test
    void signedArithmeticWrapsAndOvfRaisesExactlyWhenTheTrueResultDoesNotFit() {
        var random = new Random(7);
        for (int i = 0; i < 20_000; i++) {
            long x = interesting(random);
            long y = interesting(random);
            checkSigned(LLOp.INT_ADD, LLOp.INT_ADD_OVF, x, y, BigInteger::add);
            checkSigned(LLOp.INT_SUB, LLOp.INT_SUB_OVF, x, y, BigInteger::subtract);
            checkSigned(LLOp.INT_MUL, LLOp.INT_MUL_OVF, x, y, BigInteger::multiply);
            if (y != 0) {
                checkSigned(LLOp.INT_FLOORDIV, LLOp.INT_FLOORDIV_OVF, x, y, BigInteger::divide);
                // C's remainder: x == (x / y) * y + x % y, with the sign of x.
                long q = (Long) LLOp.INT_FLOORDIV.fold(x, y);
                long r = (Long) LLOp.INT_MOD.fold(x, y);
                assertThat(q * y + r).isEqualTo(x);
                assertThat(r == 0 || Long.signum(r) == Long.signum(x)).isTrue();
            }
            long n = Math.floorMod(y, 64);
            BigInteger shifted = BigInteger.valueOf(x).shiftLeft((int) n);
            assertThat(LLOp.INT_LSHIFT.fold(x, n)).isEqualTo(wrap(shifted).longValue());
            if (fits(shifted)) {
                assertThat(LLOp.INT_LSHIFT_OVF.fold(x, n)).isEqualTo(shifted.longValue());
            } else {
                assertThatThrownBy(() -> LLOp.INT_LSHIFT_OVF.fold(x, n)).isInstanceOf(LowLevelOverflow.class);
            }
            assertThat(LLOp.INT_RSHIFT.fold(x, n)).isEqualTo(BigInteger.valueOf(x).shiftRight((int) n).longValue());
        }
    }

    @Test
    void unsignedArithmeticIsArithmeticModulo2To64() {
        var random = new Random(11);
        for (int i = 0; i < 20_000; i++) {
            long x = interesting(random);
            long y = interesting(random);
            BigInteger ux = unsigned(x);
            BigInteger uy = unsigned(y);
            assertThat(LLOp.UINT_ADD.fold(x, y)).isEqualTo(ux.add(uy).mod(TWO_64).longValue());
            assertThat(LLOp.UINT_SUB.fold(x, y)).isEqualTo(ux.subtract(uy).mod(TWO_64).longValue());
            assertThat(LLOp.UINT_MUL.fold(x, y)).isEqualTo(ux.multiply(uy).mod(TWO_64).longValue());
            if (y != 0) {
                assertThat(LLOp.UINT_FLOORDIV.fold(x, y)).isEqualTo(ux.divide(uy).longValue());
                assertThat(LLOp.UINT_MOD.fold(x, y)).isEqualTo(ux.mod(uy).longValue());
            }
            assertThat(LLOp.UINT_LT.fold(x, y)).isEqualTo(ux.compareTo(uy) < 0);
            assertThat(LLOp.UINT_GE.fold(x, y)).isEqualTo(ux.compareTo(uy) >= 0);
            long n = Math.floorMod(y, 64);
            assertThat(LLOp.UINT_RSHIFT.fold(x, n)).isEqualTo(ux.shiftRight((int) n).longValue());
        }
    }

    @Test
    void floatToIntTruncatesInsideTheWordAndGivesMinOutsideAsCvttsd2siDoes() {
        var random = new Random(13);
        var outside = new ArrayList<Double>(List.of(0x1p63, -0x1p64, Double.MAX_VALUE, Double.NaN));
        for (double d : outside) {
            assertThat(LLOp.CAST_FLOAT_TO_INT.fold(d)).isEqualTo(Long.MIN_VALUE);
        }
        assertThat(LLOp.CAST_FLOAT_TO_INT.fold(-0x1p63)).isEqualTo(Long.MIN_VALUE);
        assertThat(LLOp.CAST_FLOAT_TO_INT.fold(Math.nextDown(0x1p63))).isEqualTo(0x7FFF_FFFF_FFFF_FC00L);
        for (int i = 0; i < 10_000; i++) {
            double d = random.nextGaussian() * Math.pow(10, random.nextInt(19));
            assertThat(LLOp.CAST_FLOAT_TO_INT.fold(d)).isEqualTo(new java.math.BigDecimal(d).toBigInteger().longValue());
        }
    }

    private static void checkSigned(LLOp wrapping, LLOp ovf, long x, long y, BinaryOperator<BigInteger> exact) {
        BigInteger result = exact.apply(BigInteger.valueOf(x), BigInteger.valueOf(y));
        assertThat(wrapping.fold(x, y)).as("%s(%s, %s)", wrapping, x, y).isEqualTo(wrap(result).longValue());
        if (fits(result)) {
            assertThat(ovf.fold(x, y)).as("%s(%s, %s)", ovf, x, y).isEqualTo(result.longValue());
        } else {
            assertThatThrownBy(() -> ovf.fold(x, y)).as("%s(%s, %s)", ovf, x, y).isInstanceOf(LowLevelOverflow.class);
        }
    }

    /** Mostly small numbers and numbers near the edges, where the bugs are. */
    private static long interesting(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> random.nextInt(-20, 21);
            case 1 -> Long.MIN_VALUE + random.nextInt(3);
            case 2 -> Long.MAX_VALUE - random.nextInt(3);
            case 3 -> (1L << random.nextInt(64)) + random.nextInt(-2, 3);
            default -> random.nextLong();
        };
    }

    private static boolean fits(BigInteger n) {
        return n.compareTo(MIN) >= 0 && n.compareTo(MAX) <= 0;
    }

    private static BigInteger wrap(BigInteger n) {
        BigInteger m = n.mod(TWO_64);
        return m.compareTo(MAX) > 0 ? m.subtract(TWO_64) : m;
    }

    private static BigInteger unsigned(long x) {
        return BigInteger.valueOf(x).mod(TWO_64);
    }
}
