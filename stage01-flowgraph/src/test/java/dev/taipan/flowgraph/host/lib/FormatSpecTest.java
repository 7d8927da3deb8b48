package dev.taipan.flowgraph.host.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.lib.CPython.Case;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FormatSpecTest {

    private static String i(long v, String spec) {
        return FormatSpec.formatInt(BigInteger.valueOf(v), spec);
    }

    @Test
    void integers() {
        assertThat(i(42, "")).isEqualTo("42");
        assertThat(i(-42, "5")).isEqualTo("  -42");
        assertThat(i(42, "<5")).isEqualTo("42   ");
        assertThat(i(42, "^6")).isEqualTo("  42  ");
        assertThat(i(-42, "=6")).isEqualTo("-   42");
        assertThat(i(-5, "05")).isEqualTo("-0005");
        assertThat(i(5, "*<05")).isEqualTo("5****");
        assertThat(i(42, "+")).isEqualTo("+42");
        assertThat(i(42, " ")).isEqualTo(" 42");
        assertThat(i(255, "#x")).isEqualTo("0xff");
        assertThat(i(255, "#X")).isEqualTo("0XFF");
        assertThat(i(-255, "#o")).isEqualTo("-0o377");
        assertThat(i(5, "#010b")).isEqualTo("0b00000101");
        assertThat(i(1234567, ",")).isEqualTo("1,234,567");
        assertThat(i(1234567, "_d")).isEqualTo("1_234_567");
        assertThat(i(123456789, "_o")).isEqualTo("7_2674_6425");
        assertThat(i(1234, "08,")).isEqualTo("0,001,234");
        assertThat(i(1234, "010,")).isEqualTo("00,001,234");
        assertThat(i(65, "c")).isEqualTo("A");
        assertThat(i(65, "05c")).isEqualTo("0000A");
        assertThat(i(1234, "n")).isEqualTo("1234");
        assertThat(i(3, ".2f")).isEqualTo("3.00");
        assertThat(i(1, "%")).isEqualTo("100.000000%");
        assertThat(FormatSpec.formatInt(BigInteger.TWO.pow(100), "_x")).isEqualTo("10_0000_0000_0000_0000_0000_0000");
    }

    @Test
    void integerErrors() {
        assertThatThrownBy(() -> i(1, ".2")).hasMessage("Precision not allowed in integer format specifier");
        assertThatThrownBy(() -> i(1, "z")).hasMessage("Negative zero coercion (z) not allowed in integer format specifier");
        assertThatThrownBy(() -> i(1, "+c")).hasMessage("Sign not allowed with integer format specifier 'c'");
        assertThatThrownBy(() -> i(1, "#c")).hasMessage("Alternate form (#) not allowed with integer format specifier 'c'");
        assertThatThrownBy(() -> i(-1, "c")).hasMessage("%c arg not in range(0x110000)")
                .extracting(e -> ((PyLibError) e).pythonType()).isEqualTo("OverflowError");
        assertThatThrownBy(() -> i(1, ",x")).hasMessage("Cannot specify ',' with 'x'.");
        assertThatThrownBy(() -> i(1, ",_")).hasMessage("Cannot specify both ',' and '_'.");
        assertThatThrownBy(() -> i(1, ",,")).hasMessage("Cannot specify ',' with ','.");
        assertThatThrownBy(() -> i(1, "q")).hasMessage("Unknown format code 'q' for object of type 'int'");
        assertThatThrownBy(() -> i(1, "abc")).hasMessage("Invalid format specifier 'abc' for object of type 'int'");
        assertThatThrownBy(() -> i(1, ".")).hasMessage("Format specifier missing precision");
        assertThatThrownBy(() -> FormatSpec.formatInt(BigInteger.TEN.pow(5000), "d")).hasMessageStartingWith("Exceeds the limit (4300 digits)");
    }

    @Test
    void floats() {
        assertThat(FormatSpec.formatFloat(1.5, "")).isEqualTo("1.5");
        assertThat(FormatSpec.formatFloat(1e16, "")).isEqualTo("1e+16");
        assertThat(FormatSpec.formatFloat(1e16, "#")).isEqualTo("1.e+16");
        assertThat(FormatSpec.formatFloat(1e16, ".17")).isEqualTo("1e+16");
        assertThat(FormatSpec.formatFloat(1.0, ".3")).isEqualTo("1.0");
        assertThat(FormatSpec.formatFloat(12345.678, "#.3")).isEqualTo("1.23e+04");
        assertThat(FormatSpec.formatFloat(1234.5, "012,.2f")).isEqualTo("0,001,234.50");
        assertThat(FormatSpec.formatFloat(1234.5, "=12,.2f")).isEqualTo("    1,234.50");
        assertThat(FormatSpec.formatFloat(1e6, ",")).isEqualTo("1,000,000.0");
        assertThat(FormatSpec.formatFloat(-0.0, "z")).isEqualTo("0.0");
        assertThat(FormatSpec.formatFloat(-0.0001, "z.2f")).isEqualTo("0.00");
        assertThat(FormatSpec.formatFloat(-1e-9, "z.3e")).isEqualTo("-1.000e-09");
        assertThat(FormatSpec.formatFloat(Double.POSITIVE_INFINITY, "010")).isEqualTo("0000000inf");
        assertThat(FormatSpec.formatFloat(Double.NaN, "=+10")).isEqualTo("+      nan");
        assertThat(FormatSpec.formatFloat(0.25, ".1%")).isEqualTo("25.0%");
        assertThat(FormatSpec.formatFloat(1.5, "n")).isEqualTo("1.5");
        assertThatThrownBy(() -> FormatSpec.formatFloat(1.5, "d")).hasMessage("Unknown format code 'd' for object of type 'float'");
    }

    @Test
    void strings() {
        assertThat(FormatSpec.formatStr("ab", "")).isEqualTo("ab");
        assertThat(FormatSpec.formatStr("ab", "5")).isEqualTo("ab   ");
        assertThat(FormatSpec.formatStr("ab", ">5")).isEqualTo("   ab");
        assertThat(FormatSpec.formatStr("ab", "^5")).isEqualTo(" ab  ");
        assertThat(FormatSpec.formatStr("ab", "05")).isEqualTo("ab000");
        assertThat(FormatSpec.formatStr("abcdef", ".3")).isEqualTo("abc");
        assertThat(FormatSpec.formatStr("abcdef", "*^7.3s")).isEqualTo("**abc**");
        assertThat(FormatSpec.formatStr("a", "\uD83D\uDE00>3")).isEqualTo("\uD83D\uDE00\uD83D\uDE00a");
        assertThatThrownBy(() -> FormatSpec.formatStr("a", "=5")).hasMessage("'=' alignment not allowed in string format specifier");
        assertThatThrownBy(() -> FormatSpec.formatStr("a", "d")).hasMessage("Unknown format code 'd' for object of type 'str'");
        assertThatThrownBy(() -> FormatSpec.formatStr("a", "+")).hasMessage("Sign not allowed in string format specifier");
        assertThatThrownBy(() -> FormatSpec.formatStr("a", "#")).hasMessage("Alternate form (#) not allowed in string format specifier");
        assertThatThrownBy(() -> FormatSpec.formatStr("a", ",")).hasMessage("Cannot specify ',' with 's'.");
    }

    /** A random spec, mostly well-formed, sometimes not. */
    static String randomSpec(Random r, String types) {
        StringBuilder sb = new StringBuilder();
        if (r.nextInt(3) == 0) {
            if (r.nextBoolean()) {
                sb.append("*0x_é".charAt(r.nextInt(5)));
            }
            sb.append("<>=^".charAt(r.nextInt(4)));
        }
        if (r.nextInt(3) == 0) {
            sb.append("+- ".charAt(r.nextInt(3)));
        }
        if (r.nextInt(6) == 0) {
            sb.append('z');
        }
        if (r.nextInt(4) == 0) {
            sb.append('#');
        }
        if (r.nextInt(3) == 0) {
            sb.append('0');
        }
        if (r.nextBoolean()) {
            sb.append(r.nextInt(0, 25));
        }
        if (r.nextInt(4) == 0) {
            sb.append(r.nextBoolean() ? ',' : '_');
        }
        if (r.nextInt(3) == 0) {
            sb.append('.').append(r.nextInt(0, 18));
        }
        if (r.nextInt(5) != 0) {
            sb.append(types.charAt(r.nextInt(types.length())));
        }
        if (r.nextInt(40) == 0) {
            sb.append("q,.".charAt(r.nextInt(3)));
        }
        return sb.toString();
    }

    @Test
    void agreesWithCPython() {
        CPython.assumePresent();
        Random r = new Random(5);
        List<Case> cases = new ArrayList<>();
        for (int k = 0; k < 6000; k++) {
            double d = Values.randomDouble(r);
            String fs = randomSpec(r, "eEfFgGn%dq");
            cases.add(new Case("format(" + Values.py(d) + ", " + CPython.lit(fs) + ")", () -> FormatSpec.formatFloat(d, fs)));
            String is = randomSpec(r, "bcdoxXneEfFgG%s");
            BigInteger v = Values.randomInt(r);
            cases.add(new Case("format(" + v + ", " + CPython.lit(is) + ")", () -> FormatSpec.formatInt(v, is)));
            if (k % 3 == 0) {
                String s = "abcdefgh".substring(0, r.nextInt(9));
                String ss = randomSpec(r, "sdr");
                cases.add(new Case("format(" + CPython.lit(s) + ", " + CPython.lit(ss) + ")", () -> FormatSpec.formatStr(s, ss)));
            }
        }
        assertThat(CPython.mismatches(cases)).isEmpty();
    }
}
