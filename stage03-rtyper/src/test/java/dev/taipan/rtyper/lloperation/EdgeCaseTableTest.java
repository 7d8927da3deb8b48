package dev.taipan.rtyper.lloperation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The edge cases of every pure operation, as a table: operation, operands, and the result or
 * what happens instead ({@code OverflowError}, {@code undefined}). Operands and results are read
 * by the operation's signature: {@code MIN}/{@code MAX} are the Signed extremes, {@code UMAX}
 * is 2**64-1 as an Unsigned, {@code nan}/{@code inf} floats, a Char is its code. This is the
 * table a reader looks at to know what a corner of the low level means.
 */
class EdgeCaseTableTest {

    static final String TABLE = """
            int_add           MAX 1          MIN
            int_add_ovf       MAX 1          OverflowError
            int_add_ovf       MIN -1         OverflowError
            int_add_ovf       -5 3           -2
            int_sub           MIN 1          MAX
            int_sub_ovf       MIN 1          OverflowError
            int_sub_ovf       7 10           -3
            int_mul           MAX 2          -2
            int_mul_ovf       4611686018427387904 2   OverflowError
            int_mul_ovf       -4611686018427387904 2  MIN
            int_mul_ovf       MIN -1         OverflowError
            int_floordiv      7 2            3
            int_floordiv      -7 2           -3
            int_floordiv      7 -2           -3
            int_floordiv      MIN -1         MIN
            int_floordiv      5 0            undefined
            int_floordiv_ovf  MIN -1         OverflowError
            int_floordiv_ovf  -7 2           -3
            int_floordiv_ovf  1 0            undefined
            int_mod           -7 2           -1
            int_mod           7 -2           1
            int_mod           MIN -1         0
            int_mod           5 0            undefined
            int_lt            MIN MAX        true
            int_le            3 3            true
            int_eq            -1 -1          true
            int_ne            -1 -1          false
            int_gt            -1 MIN         true
            int_ge            MIN -1         false
            int_neg           MIN            MIN
            int_neg           5              -5
            int_neg_ovf       MIN            OverflowError
            int_neg_ovf       MAX            -9223372036854775807
            int_abs           MIN            MIN
            int_abs           -3             3
            int_invert        0              -1
            int_and           -1 255         255
            int_or            8 1            9
            int_xor           -1 MIN         MAX
            int_lshift        1 63           MIN
            int_lshift        3 62           -4611686018427387904
            int_lshift        1 64           undefined
            int_lshift        1 -1           undefined
            int_lshift_ovf    1 62           4611686018427387904
            int_lshift_ovf    1 63           OverflowError
            int_lshift_ovf    -1 63          MIN
            int_lshift_ovf    1 64           undefined
            int_mul_high      MAX 2          0
            int_mul_high      MIN 2          -1
            int_mul_high      MIN MIN        4611686018427387904
            int_mul_high      -3 5           -1
            int_rshift        MIN 63         -1
            int_rshift        -7 1           -4
            int_rshift        1 64           undefined
            int_rshift        1 -1           undefined
            int_is_true       MIN            true
            int_is_true       0              false
            uint_add          UMAX 1         0
            uint_sub          0 1            UMAX
            uint_mul          UMAX UMAX      1
            uint_floordiv     UMAX 2         9223372036854775807
            uint_floordiv     UMAX 0         undefined
            uint_mod          UMAX 10        5
            uint_mod          1 0            undefined
            uint_lt           1 UMAX         true
            uint_le           UMAX 1         false
            uint_eq           UMAX UMAX      true
            uint_ne           UMAX 0         true
            uint_gt           9223372036854775808 1   true
            uint_ge           0 UMAX         false
            uint_and          UMAX 15        15
            uint_or           9223372036854775808 1   9223372036854775809
            uint_xor          UMAX 1         18446744073709551614
            uint_invert       0              UMAX
            uint_lshift       UMAX 63        9223372036854775808
            uint_lshift       1 64           undefined
            uint_rshift       UMAX 63        1
            uint_rshift       UMAX 64        undefined
            uint_rshift       1 -1           undefined
            uint_is_true      9223372036854775808  true
            float_add         0.1 0.2        0.30000000000000004
            float_add         inf -inf       nan
            float_sub         1e308 -1e308   inf
            float_mul         -0.0 5.0       -0.0
            float_truediv     1.0 0.0        inf
            float_truediv     -1.0 0.0       -inf
            float_truediv     0.0 0.0        nan
            float_neg         0.0            -0.0
            float_abs         -inf           inf
            float_abs         -0.0           0.0
            float_sqrt        -0.0           -0.0
            float_sqrt        -1.0           nan
            float_sqrt        inf            inf
            float_sqrt        2.0            1.4142135623730951
            float_lt          nan 1.0        false
            float_le          nan nan        false
            float_eq          nan nan        false
            float_ne          nan nan        true
            float_gt          1.0 nan        false
            float_ge          nan 1.0        false
            float_eq          0.0 -0.0       true
            float_lt          -inf inf       true
            float_is_true     nan            true
            float_is_true     -0.0           false
            cast_int_to_float MAX            9.223372036854775807E18
            cast_int_to_float -3             -3.0
            cast_float_to_int 2.9            2
            cast_float_to_int -2.9           -2
            cast_float_to_int 1e300          MIN
            cast_float_to_int -1e300         MIN
            cast_float_to_int nan            MIN
            cast_float_to_int inf            MIN
            cast_float_to_int 9.2233720368547758E18   MIN
            cast_float_to_int -9.2233720368547758E18  MIN
            convert_float_bytes_to_longlong  1.0    4607182418800017408
            convert_float_bytes_to_longlong  -0.0   MIN
            convert_float_bytes_to_longlong  -inf   -4503599627370496
            convert_longlong_bytes_to_float  4607182418800017408  1.0
            convert_longlong_bytes_to_float  MIN    -0.0
            convert_longlong_bytes_to_float  1      4.9E-324
            convert_longlong_bytes_to_float  MAX    nan
            cast_int_to_uint  -1             UMAX
            cast_uint_to_int  UMAX           -1
            cast_bool_to_int  true           1
            cast_char_to_int  255            255
            cast_int_to_char  65             65
            cast_int_to_char  256            undefined
            cast_int_to_char  -1             undefined
            char_eq           97 97          true
            char_ne           97 98          true
            char_lt           127 128        true
            char_le           255 0          false
            char_gt           200 100        true
            char_ge           0 255          false
            bool_not          true           false
            bool_not          false          true
            adr_add           0x1000 8       0x1008
            adr_add           UMAX 1         0x0
            adr_sub           0x1000 8       0xff8
            adr_sub           0x0 1          UMAX
            adr_delta         0x1000 0x1010  -16
            adr_eq            0x10 0x10      true
            adr_ne            0x10 0x10      false
            adr_lt            0x10 UMAX      true
            adr_le            UMAX UMAX      true
            adr_gt            UMAX 0x10      true
            adr_ge            0x0 UMAX       false
            cast_adr_to_int   UMAX           -1
            cast_int_to_adr   -1             UMAX
            """;

    record Row(LLOp op, List<String> operands, String expected) {
        @Override
        public String toString() {
            return op + String.join(" ", operands.stream().map(o -> " " + o).toList()) + " -> " + expected;
        }
    }

    static Stream<Row> rows() {
        return TABLE.lines().map(String::trim).filter(l -> !l.isEmpty()).map(line -> {
            var words = line.split("\\s+");
            return new Row(LLOp.named(words[0]), List.of(words).subList(1, words.length - 1), words[words.length - 1]);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void edgeCase(Row row) {
        Signature sig = row.op().signature();
        Object[] args = new Object[row.operands().size()];
        for (int i = 0; i < args.length; i++) {
            args[i] = value(sig.args().get(i), row.operands().get(i));
        }
        switch (row.expected()) {
            case "OverflowError" -> assertThatThrownBy(() -> row.op().fold(args))
                    .isInstanceOf(LowLevelOverflow.class).hasMessage(row.op() + ": integer overflow");
            case "undefined" -> assertThatThrownBy(() -> row.op().fold(args))
                    .isInstanceOf(UndefinedBehaviorError.class).hasMessageStartingWith(row.op() + "(");
            default -> assertThat(row.op().fold(args)).isEqualTo(value(sig.result(), row.expected()));
        }
    }

    @Test
    void everyPureOperationWithASignatureHasItsRowsInTheTable() {
        Set<String> inTable = new TreeSet<>(rows().map(r -> r.op().opname()).toList());
        var missing = new ArrayList<String>();
        for (LLOp op : LLOp.values()) {
            if (op.pure() && op.signature() != null && !inTable.contains(op.opname())) {   // not the system calls
                missing.add(op.opname());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void theErrorsSayWhatIsUndefinedAndWhoChecks() {
        assertThatThrownBy(() -> LLOp.INT_FLOORDIV.fold(5L, 0L)).hasMessage(
                "int_floordiv(5, 0): division by zero is undefined at the low level (the RPy helper checks the divisor first)");
        assertThatThrownBy(() -> LLOp.INT_LSHIFT.fold(1L, 64L)).hasMessage(
                "int_lshift(1, 64): the shift count must be in 0..63 (the RPy helper handles larger and negative counts)");
    }

    private static Object value(LowLevelType type, String text) {
        return switch ((Primitive) type) {
            case SIGNED -> switch (text) {
                case "MIN" -> Long.MIN_VALUE;
                case "MAX" -> Long.MAX_VALUE;
                default -> Long.parseLong(text);
            };
            case UNSIGNED -> text.equals("UMAX") ? -1L : Long.parseUnsignedLong(text);
            case FLOAT -> switch (text) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                default -> Double.parseDouble(text);
            };
            case BOOL -> Boolean.parseBoolean(text);
            case CHAR -> (char) Integer.parseInt(text);
            // addresses compare unsigned: the highest one is above every other
            case ADDRESS -> text.equals("UMAX") ? -1L : Long.parseUnsignedLong(text.substring(2), 16);
            case VOID -> throw new AssertionError(Arrays.toString(new Object[] {type, text}));
        };
    }
}
