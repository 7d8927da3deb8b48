package dev.taipan.flowgraph.host.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.lib.CPython.Case;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IntFormatTest {

    @Test
    void builtins() {
        assertThat(IntFormat.hex(BigInteger.valueOf(31))).isEqualTo("0x1f");
        assertThat(IntFormat.hex(BigInteger.valueOf(-31))).isEqualTo("-0x1f");
        assertThat(IntFormat.oct(BigInteger.valueOf(8))).isEqualTo("0o10");
        assertThat(IntFormat.bin(BigInteger.ZERO)).isEqualTo("0b0");
        assertThat(IntFormat.bin(BigInteger.valueOf(-5))).isEqualTo("-0b101");
        assertThat(IntFormat.str(BigInteger.TEN.pow(4299))).hasSize(4300);
        assertThat(IntFormat.str(BigInteger.TEN.pow(4299).negate())).hasSize(4301);
        assertThatThrownBy(() -> IntFormat.str(BigInteger.TEN.pow(4300))).hasMessage(
                "Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit");
        assertThat(IntFormat.digits(BigInteger.valueOf(-35), 36)).isEqualTo("z");
    }

    @Test
    void agreesWithCPython() {
        CPython.assumePresent();
        Random r = new Random(13);
        List<Case> cases = new ArrayList<>();
        for (int k = 0; k < 500; k++) {
            BigInteger v = Values.randomInt(r);
            cases.add(new Case("hex(" + v + ")", () -> IntFormat.hex(v)));
            cases.add(new Case("oct(" + v + ")", () -> IntFormat.oct(v)));
            cases.add(new Case("bin(" + v + ")", () -> IntFormat.bin(v)));
        }
        assertThat(CPython.mismatches(cases)).isEmpty();
    }
}
