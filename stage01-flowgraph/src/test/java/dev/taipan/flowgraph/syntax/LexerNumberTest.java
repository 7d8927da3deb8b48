package dev.taipan.flowgraph.syntax;

import static dev.taipan.flowgraph.syntax.LexerFixtures.error;
import static dev.taipan.flowgraph.syntax.LexerFixtures.pos;
import static dev.taipan.flowgraph.syntax.LexerFixtures.spell;
import static dev.taipan.flowgraph.syntax.LexerFixtures.tokens;
import static dev.taipan.flowgraph.syntax.LexerFixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Numeric literals: values, spellings, and CPython's messages for malformed ones. */
class LexerNumberTest {

    @Test
    void decimalIntegersAreLongs() {
        assertThat(value("0")).isEqualTo(0L);
        assertThat(value("00")).isEqualTo(0L);
        assertThat(value("0_0")).isEqualTo(0L);
        assertThat(value("42")).isEqualTo(42L);
        assertThat(value("1_000_000")).isEqualTo(1_000_000L);
        assertThat(value("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void integersTooBigForALongAreBigIntegers() {
        assertThat(value("9223372036854775808")).isEqualTo(new BigInteger("9223372036854775808"));
        assertThat(value("0x1_0000_0000_0000_0000"))
                .isEqualTo(BigInteger.ONE.shiftLeft(64));
        assertThat(value("123456789012345678901234567890"))
                .isEqualTo(new BigInteger("123456789012345678901234567890"));
    }

    @Test
    void radixPrefixesInAnyCase() {
        assertThat(value("0xff")).isEqualTo(255L);
        assertThat(value("0XdeadBEEF")).isEqualTo(0xdeadbeefL);
        assertThat(value("0o17")).isEqualTo(15L);
        assertThat(value("0O_7")).isEqualTo(7L);
        assertThat(value("0b1010")).isEqualTo(10L);
        assertThat(value("0B_1_0")).isEqualTo(2L);
        assertThat(value("0xFFFFFFFFFFFFFFFF")).isEqualTo(new BigInteger("18446744073709551615"));
    }

    @Test
    void floats() {
        assertThat(value("1.")).isEqualTo(1.0);
        assertThat(value(".5")).isEqualTo(0.5);
        assertThat(value("1e10")).isEqualTo(1e10);
        assertThat(value("1E+5")).isEqualTo(1e5);
        assertThat(value("2.5e-3")).isEqualTo(2.5e-3);
        assertThat(value("1_0.0_1e-1_0")).isEqualTo(10.01e-10);
        assertThat(value("09.5")).isEqualTo(9.5);
        assertThat(value("00e3")).isEqualTo(0.0);
        assertThat(value("1e400")).isEqualTo(Double.POSITIVE_INFINITY);
    }

    @Test
    void tokenTextIsTheSourceSpelling() {
        Token t = tokens("x = 1_0.0_1e-1_0\n").get(2);
        assertThat(t.text()).isEqualTo("1_0.0_1e-1_0");
        assertThat(t.pos()).isEqualTo(pos(1, 4, 1, 16));
    }

    @Test
    void numberFollowedByKeywordIsAcceptedAsIn311() {
        assertThat(spell("1if x else 2\n")).containsExactly(
                "NUMBER 1", "NAME if", "NAME x", "NAME else", "NUMBER 2", "NEWLINE", "ENDMARKER");
        assertThat(spell("1else")).startsWith("NUMBER 1", "NAME else");
        assertThat(spell("0x1for")).startsWith("NUMBER 0x1f", "NAME or");
        assertThat(spell("x = 1not in y")).contains("NUMBER 1", "NAME not");
        assertThat(spell("1or 2")).startsWith("NUMBER 1", "NAME or");
        assertThat(spell("1é")).as("CPython 3.11 checks ASCII only").startsWith("NUMBER 1", "NAME é");
    }

    @Test
    void dotAfterNumberAndAttributeAccess() {
        assertThat(spell("1 .real")).startsWith("NUMBER 1", "OP .", "NAME real");
        assertThat(spell("a.b.c")).startsWith("NAME a", "OP .", "NAME b", "OP .", "NAME c");
        assertThat(spell("x = a.1")).contains("NAME a", "NUMBER .1");
    }

    @Test
    void imaginaryLiteralsAreNotSupported() {
        SyntaxError e = error("x = 1j\n");
        assertThat(e.msg()).isEqualTo("not supported by Taipan: complex numbers");
        assertThat(e.pos()).isEqualTo(pos(1, 4, 1, 6));
        assertThat(error("2.5J").msg()).contains("complex numbers");
        assertThat(error("08j").msg()).contains("complex numbers");
    }

    /** Messages and caret columns (0-based) as CPython 3.11 reports them. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            012      | leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers | 0 | 1
            0_7      | leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers | 0 | 2
            09       | leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers | 0 | 1
            0o8      | invalid digit '8' in octal literal | 2 | 3
            0o78     | invalid digit '8' in octal literal | 3 | 4
            0b12     | invalid digit '2' in binary literal | 3 | 4
            0o       | invalid octal literal              | 1 | 2
            0b       | invalid binary literal             | 1 | 2
            0x       | invalid hexadecimal literal        | 1 | 2
            0x_      | invalid hexadecimal literal        | 2 | 3
            0xg      | invalid hexadecimal literal        | 1 | 2
            0x1_g    | invalid hexadecimal literal        | 3 | 4
            0b1_     | invalid binary literal             | 3 | 4
            123abc   | invalid decimal literal            | 2 | 3
            1_       | invalid decimal literal            | 1 | 2
            1__0     | invalid decimal literal            | 1 | 2
            1_e5     | invalid decimal literal            | 1 | 2
            0_       | invalid decimal literal            | 1 | 2
            1e       | invalid decimal literal            | 0 | 1
            1e+      | invalid decimal literal            | 2 | 3
            1.0e     | invalid decimal literal            | 2 | 3
            1.5_     | invalid decimal literal            | 3 | 4
            1.0_x    | invalid decimal literal            | 3 | 4
            1.__class__ | invalid decimal literal         | 1 | 2
            1.5jx    | invalid imaginary literal          | 3 | 4
            0xffz    | invalid hexadecimal literal        | 3 | 4
            """)
    void malformedNumbers(String text, String message, int col, int endCol) {
        SyntaxError e = error(text);
        assertThat(e.msg()).isEqualTo(message);
        assertThat(e.kind()).isEqualTo(SyntaxError.Kind.SyntaxError);
        assertThat(e.pos()).isEqualTo(pos(1, col, 1, endCol));
    }
}
