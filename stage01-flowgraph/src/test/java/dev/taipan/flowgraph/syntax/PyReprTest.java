package dev.taipan.flowgraph.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Python's repr of literal values; the host interpreter prints with it, so it must be exact. */
class PyReprTest {

    @Test
    void floats() {
        assertThat(PyRepr.of(0.1)).isEqualTo("0.1");
        assertThat(PyRepr.of(1.0)).isEqualTo("1.0");
        assertThat(PyRepr.of(1e16)).isEqualTo("1e+16");
        assertThat(PyRepr.of(1e15)).isEqualTo("1000000000000000.0");
        assertThat(PyRepr.of(123456789012345678.0)).isEqualTo("1.2345678901234568e+17");
        assertThat(PyRepr.of(1e-05)).isEqualTo("1e-05");
        assertThat(PyRepr.of(0.0001)).isEqualTo("0.0001");
        assertThat(PyRepr.of(1.5e-7)).isEqualTo("1.5e-07");
        assertThat(PyRepr.of(1e100)).isEqualTo("1e+100");
        assertThat(PyRepr.of(-2.5)).isEqualTo("-2.5");
        assertThat(PyRepr.of(-0.0)).isEqualTo("-0.0");
        assertThat(PyRepr.of(0.0)).isEqualTo("0.0");
        assertThat(PyRepr.of(Double.POSITIVE_INFINITY)).isEqualTo("inf");
        assertThat(PyRepr.of(Double.NEGATIVE_INFINITY)).isEqualTo("-inf");
        assertThat(PyRepr.of(Double.NaN)).isEqualTo("nan");
        assertThat(PyRepr.of(Double.MIN_VALUE)).isEqualTo("5e-324");
        assertThat(PyRepr.of(Double.MAX_VALUE)).isEqualTo("1.7976931348623157e+308");
        assertThat(PyRepr.of(0.1 + 0.2)).isEqualTo("0.30000000000000004");
        assertThat(PyRepr.of(1e22)).isEqualTo("1e+22");
        assertThat(PyRepr.of(1e23)).isEqualTo("1e+23");
    }

    @Test
    void ints() {
        assertThat(PyRepr.of(42L)).isEqualTo("42");
        assertThat(PyRepr.of(-7L)).isEqualTo("-7");
        assertThat(PyRepr.of(BigInteger.TWO.pow(70))).isEqualTo("1180591620717411303424");
    }

    @Test
    void strings() {
        assertThat(PyRepr.of("abc")).isEqualTo("'abc'");
        assertThat(PyRepr.of("it's")).isEqualTo("\"it's\"");
        assertThat(PyRepr.of("'\"")).isEqualTo("'\\'\"'");
        assertThat(PyRepr.of("a\\b")).isEqualTo("'a\\\\b'");
        assertThat(PyRepr.of("\t\n\r\u0000\u001f\u007f")).isEqualTo("'\\t\\n\\r\\x00\\x1f\\x7f'");
        assertThat(PyRepr.of("\u0080\u00a0\u00e9")).isEqualTo("'\\x80\\xa0é'");
        assertThat(PyRepr.of("\u4e2d\u200b\ud83d\ude00")).isEqualTo("'中\\u200b😀'");
        assertThat(PyRepr.of("\udcff")).isEqualTo("'\\udcff'");
        assertThat(PyRepr.of("\udb80\udc00")).isEqualTo("'\\U000f0000'");
    }

    @Test
    void bytes() {
        assertThat(PyRepr.of(new Ast.Bytes(new byte[] {'a', '\'', 0, (byte) 0xff, '\n'})))
                .isEqualTo("b\"a'\\x00\\xff\\n\"");
        assertThat(PyRepr.of(new Ast.Bytes(new byte[] {'\\', '"', '\''}))).isEqualTo("b'\\\\\"\\''");
    }

    @Test
    void singletons() {
        assertThat(PyRepr.of(null)).isEqualTo("None");
        assertThat(PyRepr.of(Ast.Singleton.NONE)).isEqualTo("None");
        assertThat(PyRepr.of(Ast.Singleton.ELLIPSIS)).isEqualTo("Ellipsis");
        assertThat(PyRepr.of(true)).isEqualTo("True");
        assertThat(PyRepr.of(false)).isEqualTo("False");
    }

    /** Random doubles of every magnitude, printed by CPython and by us. */
    @Test
    void floatsAgreeWithCPython() throws Exception {
        Path python = Path.of("/usr/bin/python3");
        assumeTrue(Files.isExecutable(python), "CPython not found at " + python);
        Random random = new Random(42);
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            values.add(Double.longBitsToDouble(random.nextLong()));
            values.add(random.nextInt(100000) / Math.pow(10, random.nextInt(30)));
        }
        StringBuilder in = new StringBuilder();
        for (double d : values) {
            in.append(Long.toHexString(Double.doubleToRawLongBits(d))).append('\n');
        }
        Process p = new ProcessBuilder(python.toString(), "-c",
                "import sys, struct\nfor l in sys.stdin: print(repr(struct.unpack('<d', int(l, 16).to_bytes(8, 'little'))[0]))")
                .redirectErrorStream(true).start();
        p.getOutputStream().write(in.toString().getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        List<String> expected = List.of(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        assertThat(p.waitFor()).isZero();
        List<String> actual = values.stream().map(PyRepr::of).toList();
        assertThat(actual).isEqualTo(expected);
    }
}
