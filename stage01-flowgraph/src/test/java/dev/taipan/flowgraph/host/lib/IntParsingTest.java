package dev.taipan.flowgraph.host.lib;

import static dev.taipan.flowgraph.host.lib.CPython.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.lib.CPython.Case;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntParsingTest {

    private static BigInteger big(String s) {
        return new BigInteger(s);
    }

    @Test
    void decimal() {
        assertThat(IntParsing.parse("42")).isEqualTo(big("42"));
        assertThat(IntParsing.parse("  -42\n")).isEqualTo(big("-42"));
        assertThat(IntParsing.parse("+0")).isEqualTo(big("0"));
        assertThat(IntParsing.parse("010")).isEqualTo(big("10"));
        assertThat(IntParsing.parse("1_000_000")).isEqualTo(big("1000000"));
        assertThat(IntParsing.parse("\u00a0\u3000 ١٢٣ \u2028")).isEqualTo(big("123"));
        assertThat(IntParsing.parse("123456789012345678901234567890")).isEqualTo(big("123456789012345678901234567890"));
    }

    @Test
    void bases() {
        assertThat(IntParsing.parse("ff", 16)).isEqualTo(big("255"));
        assertThat(IntParsing.parse("0x1f", 16)).isEqualTo(big("31"));
        assertThat(IntParsing.parse("0X_1F", 16)).isEqualTo(big("31"));
        assertThat(IntParsing.parse("0o17", 8)).isEqualTo(big("15"));
        assertThat(IntParsing.parse("-0b101", 2)).isEqualTo(big("-5"));
        assertThat(IntParsing.parse("z", 36)).isEqualTo(big("35"));
        assertThat(IntParsing.parse("0b1", 16)).isEqualTo(big("177"));   // 0b1 is a hex number
        assertThat(IntParsing.parse("0x10", 0)).isEqualTo(big("16"));
        assertThat(IntParsing.parse("0o10", 0)).isEqualTo(big("8"));
        assertThat(IntParsing.parse("0b10", 0)).isEqualTo(big("2"));
        assertThat(IntParsing.parse("0", 0)).isEqualTo(big("0"));
        assertThat(IntParsing.parse("00", 0)).isEqualTo(big("0"));
        assertThat(IntParsing.parse("0_0", 0)).isEqualTo(big("0"));
        assertThat(IntParsing.parse("-10", 0)).isEqualTo(big("-10"));
    }

    @Test
    void errors() {
        for (String bad : List.of("", " ", "abc", "1_", "_1", "1__0", "- 1", "+-1", "1.0", "0x", "0x_", "1 2", "١٢x")) {
            assertThatThrownBy(() -> IntParsing.parse(bad)).isInstanceOf(PyLibError.class)
                    .hasMessage("invalid literal for int() with base 10: " + lit(bad));
        }
        assertThatThrownBy(() -> IntParsing.parse("010", 0)).hasMessage("invalid literal for int() with base 0: '010'");
        assertThatThrownBy(() -> IntParsing.parse("0_1", 0)).hasMessage("invalid literal for int() with base 0: '0_1'");
        assertThatThrownBy(() -> IntParsing.parse("0x1", 8)).hasMessage("invalid literal for int() with base 8: '0x1'");
        assertThatThrownBy(() -> IntParsing.parse("1", 1)).hasMessage("int() base must be >= 2 and <= 36, or 0");
        assertThatThrownBy(() -> IntParsing.parse("1", 37)).hasMessage("int() base must be >= 2 and <= 36, or 0");
        assertThatThrownBy(() -> IntParsing.parse("x".repeat(300)))
                .hasMessage("invalid literal for int() with base 10: '" + "x".repeat(199));
    }

    @Test
    void digitLimit() {
        assertThatThrownBy(() -> IntParsing.parse("1".repeat(5000))).hasMessage(
                "Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits; "
                        + "use sys.set_int_max_str_digits() to increase the limit");
        assertThat(IntParsing.parse("1".repeat(5000), 10, 0).toString()).hasSize(5000);
        assertThat(IntParsing.parse("f".repeat(5000), 16).bitLength()).isEqualTo(20000);
    }

    /** Random literals built from the pieces that matter (whitespace, signs, prefixes, underscores,
     *  digits of several bases) under every base. */
    @Test
    void agreesWithCPython() {
        CPython.assumePresent();
        Random r = new Random(7);
        String[] pieces = {"0", "0", "1", "7", "9", "a", "F", "z", "_", "_", "0x", "0o", "0b", "0X", " ", "-", "+", "\u0663", "\u00a0", "."};
        int[] bases = {0, 2, 8, 10, 16, 36, 1, 37};
        List<Case> cases = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(1, 7); n > 0; n--) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            int base = bases[r.nextInt(bases.length)];
            cases.add(new Case("int(" + lit(s) + ", " + base + ")", () -> IntParsing.parse(s, base)));
        }
        assertThat(CPython.mismatches(cases)).isEmpty();
    }
}
