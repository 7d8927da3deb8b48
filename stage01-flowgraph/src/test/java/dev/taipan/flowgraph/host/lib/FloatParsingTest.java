package dev.taipan.flowgraph.host.lib;

import static dev.taipan.flowgraph.host.lib.CPython.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.lib.CPython.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatParsingTest {

    @Test
    void numbers() {
        assertThat(FloatParsing.parse("1.5")).isEqualTo(1.5);
        assertThat(FloatParsing.parse("  -2.5e-3 ")).isEqualTo(-2.5e-3);
        assertThat(FloatParsing.parse(".5")).isEqualTo(0.5);
        assertThat(FloatParsing.parse("5.")).isEqualTo(5.0);
        assertThat(FloatParsing.parse("1E5")).isEqualTo(1e5);
        assertThat(FloatParsing.parse("1_000.000_1e1_0")).isEqualTo(1000.0001e10);
        assertThat(FloatParsing.parse("١.٥")).isEqualTo(1.5);
        assertThat(FloatParsing.parse("1e400")).isInfinite();
        assertThat(FloatParsing.parse("1e-400")).isZero();
        assertThat(1 / FloatParsing.parse("-0")).isNegative();
        assertThat(FloatParsing.parse("0.1")).isEqualTo(0.1);
        assertThat(FloatParsing.parse("2.2250738585072011e-308")).isEqualTo(2.2250738585072011e-308);
    }

    @Test
    void specialValues() {
        assertThat(FloatParsing.parse("inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FloatParsing.parse("-Infinity")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(FloatParsing.parse(" +iNF ")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(FloatParsing.parse("NaN")).isNaN();
        assertThat(FloatParsing.parse("-nan")).isNaN();
    }

    @Test
    void errors() {
        for (String bad : List.of("", " ", "x", "1_", "_1", "1__0", "1_.5", "1._5", "1e", "1e+", ".", "e5", "- 1", "0x10",
                "1d", "1f", "in f", "infinit", "nan_", "1.5.5", "++1", "1e1.5")) {
            assertThatThrownBy(() -> FloatParsing.parse(bad)).isInstanceOf(PyLibError.class)
                    .hasMessage("could not convert string to float: " + lit(bad));
        }
    }

    @Test
    void agreesWithCPython() {
        CPython.assumePresent();
        Random r = new Random(11);
        String[] pieces = {"0", "1", "5", "9", "9", "_", ".", ".", "e", "E", "-", "+", " ", "inf", "nan", "Infinity", "\u0665", "x", "e308", "e-320"};
        List<Case> cases = new ArrayList<>();
        for (int k = 0; k < 1500; k++) {
            StringBuilder sb = new StringBuilder();
            for (int n = r.nextInt(1, 7); n > 0; n--) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            String s = sb.toString();
            cases.add(new Case("float(" + lit(s) + ")", () -> FloatParsing.parse(s)));
        }
        for (int k = 0; k < 1000; k++) {
            // the repr of random doubles, and random digit strings: correct rounding
            double d = Double.longBitsToDouble(r.nextLong());
            String s = k % 2 == 0 ? Double.toString(d) : r.nextLong() + "." + Math.abs(r.nextLong()) + "e" + r.nextInt(-330, 310);
            cases.add(new Case("float(" + lit(s) + ")", () -> FloatParsing.parse(s)));
        }
        assertThat(CPython.mismatches(cases)).isEmpty();
    }
}
