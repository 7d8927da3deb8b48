package dev.taipan.flowgraph.host.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.lib.CPython.Case;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FloatFormatTest {

    @Test
    void reprAndStr() {
        assertThat(FloatFormat.repr(0.1)).isEqualTo("0.1");
        assertThat(FloatFormat.str(1e16)).isEqualTo("1e+16");
        assertThat(FloatFormat.repr(-0.0)).isEqualTo("-0.0");
        assertThat(FloatFormat.repr(Double.NaN)).isEqualTo("nan");
    }

    @Test
    void fixed() {
        assertThat(FloatFormat.format(1.5, 'f', -1, false)).isEqualTo("1.500000");
        assertThat(FloatFormat.format(0.125, 'f', 2, false)).isEqualTo("0.12");   // exact tie: half-even
        assertThat(FloatFormat.format(0.375, 'f', 2, false)).isEqualTo("0.38");
        assertThat(FloatFormat.format(2.675, 'f', 2, false)).isEqualTo("2.67");   // 2.67499999...
        assertThat(FloatFormat.format(0.5, 'f', 0, false)).isEqualTo("0");
        assertThat(FloatFormat.format(1.5, 'f', 0, true)).isEqualTo("2.");
        assertThat(FloatFormat.format(-0.0, 'f', 1, false)).isEqualTo("-0.0");
        assertThat(FloatFormat.format(-0.01, 'f', 1, false)).isEqualTo("-0.0");
        assertThat(FloatFormat.format(1e22, 'f', 0, false)).isEqualTo("10000000000000000000000");
        assertThat(FloatFormat.format(Double.NEGATIVE_INFINITY, 'F', 2, false)).isEqualTo("-INF");
        assertThat(FloatFormat.format(-Double.NaN, 'f', 2, false)).isEqualTo("nan");
    }

    @Test
    void exponentAndGeneral() {
        assertThat(FloatFormat.format(12345.678, 'e', -1, false)).isEqualTo("1.234568e+04");
        assertThat(FloatFormat.format(0.0, 'E', 2, false)).isEqualTo("0.00E+00");
        assertThat(FloatFormat.format(1.5, 'e', 0, true)).isEqualTo("2.e+00");
        assertThat(FloatFormat.format(1e-300, 'e', 1, false)).isEqualTo("1.0e-300");
        assertThat(FloatFormat.format(1e-5, 'g', -1, false)).isEqualTo("1e-05");
        assertThat(FloatFormat.format(0.0001, 'g', -1, false)).isEqualTo("0.0001");
        assertThat(FloatFormat.format(123456789, 'g', -1, false)).isEqualTo("1.23457e+08");
        assertThat(FloatFormat.format(123456, 'g', -1, false)).isEqualTo("123456");
        assertThat(FloatFormat.format(9.9999995, 'g', -1, false)).isEqualTo("10");
        assertThat(FloatFormat.format(12, 'g', 0, false)).isEqualTo("1e+01");
        assertThat(FloatFormat.format(0.0, 'g', -1, false)).isEqualTo("0");
        assertThat(FloatFormat.format(0.0, 'g', -1, true)).isEqualTo("0.00000");
        assertThat(FloatFormat.format(1.0, 'G', 3, true)).isEqualTo("1.00");
        assertThat(FloatFormat.format(1e100, 'G', 3, true)).isEqualTo("1.00E+100");
    }

    @Test
    void round() {
        assertThat(FloatFormat.round(2.675, 2)).isEqualTo(2.67);
        assertThat(FloatFormat.round(0.125, 2)).isEqualTo(0.12);
        assertThat(FloatFormat.round(2.5, 0)).isEqualTo(2.0);
        assertThat(FloatFormat.round(1234.5, -2)).isEqualTo(1200.0);
        assertThat(FloatFormat.round(-0.4, 0)).isEqualTo(-0.0).matches(d -> 1 / d < 0);
        assertThat(FloatFormat.round(5e-324, 400)).isEqualTo(5e-324);
        assertThat(FloatFormat.round(1e300, -400)).isEqualTo(0.0);
        assertThat(FloatFormat.round(Double.NaN, 2)).isNaN();
        assertThatThrownBy(() -> FloatFormat.round(1.7976931348623157e308, -308))
                .hasMessage("rounded value too large to represent");
        assertThat(FloatFormat.roundToInt(2.5)).isEqualTo(BigInteger.TWO);
        assertThat(FloatFormat.roundToInt(-3.5)).isEqualTo(BigInteger.valueOf(-4));
        assertThat(FloatFormat.toInt(-3.9)).isEqualTo(BigInteger.valueOf(-3));
        assertThat(FloatFormat.toInt(1e20)).isEqualTo(new BigInteger("100000000000000000000"));
        assertThatThrownBy(() -> FloatFormat.toInt(Double.NaN)).hasMessage("cannot convert float NaN to integer");
        assertThatThrownBy(() -> FloatFormat.roundToInt(Double.POSITIVE_INFINITY)).hasMessage("cannot convert float infinity to integer");
        assertThatThrownBy(() -> FloatFormat.fromInt(BigInteger.TWO.pow(1024))).hasMessage("int too large to convert to float");
    }

    /** Random doubles through {@code %[#].N[efgEFG]} and {@code round(x, n)}, and ints through
     *  {@code float(n)}. */
    @Test
    void agreesWithCPython() {
        CPython.assumePresent();
        Random r = new Random(3);
        List<Case> cases = new ArrayList<>();
        String convs = "eEfFgG";
        for (int k = 0; k < 4000; k++) {
            double d = Values.randomDouble(r);
            char conv = convs.charAt(r.nextInt(convs.length()));
            int precision = r.nextInt(5) == 0 ? -1 : r.nextInt(0, conv == 'f' || conv == 'F' ? 25 : 20);
            boolean alt = r.nextInt(4) == 0;
            String template = "%" + (alt ? "#" : "") + (precision < 0 ? "" : "." + precision) + conv;
            cases.add(new Case(CPython.lit(template) + " % " + Values.py(d), () -> FloatFormat.format(d, conv, precision, alt)));
            int nd = r.nextInt(-12, 20);
            cases.add(new Case("round(" + Values.py(d) + ", " + nd + ")", () -> FloatFormat.round(d, nd)));
            cases.add(new Case("round(" + Values.py(d) + ")", () -> FloatFormat.roundToInt(d)));
            BigInteger i = Values.randomInt(r).shiftLeft(r.nextInt(0, 1000));
            cases.add(new Case("float(" + i + ")", () -> FloatFormat.fromInt(i)));
        }
        assertThat(CPython.mismatches(cases)).isEmpty();
    }
}
