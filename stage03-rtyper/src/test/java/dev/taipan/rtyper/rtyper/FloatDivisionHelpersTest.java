package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyDict;
import dev.taipan.flowgraph.host.PyException;
import dev.taipan.flowgraph.host.PyFloat;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.host.PyStr;
import dev.taipan.flowgraph.host.PyTuple;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llinterp.LLException;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.memory.Heap;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Python's {@code //}, {@code %} and {@code /} on floats through {@code rpython/rtyper/rfloat.py}:
 * the llinterp gives what the host gives, bit for bit (the sign of a zero included), on the
 * values where floats are hard (signed zeros, subnormals, the largest doubles, infinities,
 * NaN), with the host's {@code ZeroDivisionError} messages; and the helpers' {@code fmod},
 * written in RPy over the bits of the doubles, is C's on 1,000 random pairs (each call of the
 * llinterp starts a thread of its own, so more would be slow).
 */
class FloatDivisionHelpersTest {
    @TempDir
    Path dir;

    private static final String[] VALUES = {"0.0", "-0.0", "1.0", "-1.0", "0.5", "-0.5", "3.7", "-3.7", "7.0", "-7.0",
        "0.1", "-2.5", "1e308", "-1e308", "5e-324", "-5e-324", "1e-310", "2.2250738585072014e-308", "4503599627370497.0",
        "9007199254740993.0", "1e22", "-123456.789", "float('inf')", "float('-inf')", "float('nan')"};

    /** The program: {@code pick(i)} is the i-th value, so that functions called with ints divide floats. */
    private static String program() {
        StringBuilder sb = new StringBuilder("def pick(i):\n");
        for (int i = 0; i < VALUES.length; i++) {
            sb.append("    if i == ").append(i).append(":\n        return ").append(VALUES[i]).append("\n");
        }
        sb.append("    return 0.0\n\n\n");
        sb.append("def floordiv(i, j):\n    return pick(i) // pick(j)\n\n\n");
        sb.append("def mod(i, j):\n    return pick(i) % pick(j)\n\n\n");
        sb.append("def truediv(i, j):\n    return pick(i) / pick(j)\n\n\n");
        sb.append("def mixed(i, j):\n    return i / j + pick(i) // j + j % pick(i)\n");
        return sb.toString();
    }

    /** A result as text: a float by its bits (every NaN one NaN), or the exception's last line. */
    private static String show(double d) {
        return Double.isNaN(d) ? "nan" : Double.toString(d) + "/" + Long.toHexString(Double.doubleToRawLongBits(d));
    }

    private Map<String, String> compare(String function, int[] is, int[] js) throws Exception {
        Path file = Files.writeString(dir.resolve("floats.py"), program());
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        PyModule module = host.importFile(file);
        RTyper rtyper = RtypeCommand.rtyper(file, function);
        LowLevelGraph g = rtyper.graphs().getFirst();
        Map<String, String> differences = new TreeMap<>();
        try (Heap heap = Heap.checked()) {
            LLInterpreter interp = new LLInterpreter(rtyper.program(g), heap, quiet);
            Map<String, String> onHost = host.runInside(() -> {   // one thread for all the host's calls
                Map<String, String> results = new TreeMap<>();
                for (int i : is) {
                    for (int j : js) {
                        try {
                            PyObject r = module.get(function).call(new PyObject[] {PyInt.of(i), PyInt.of(j)}, null);
                            results.put(i + "," + j, show(((PyFloat) r).value()));
                        } catch (PyException e) {
                            results.put(i + "," + j, host.formatException(e).strip().lines().reduce((a, b) -> b).orElseThrow());
                        }
                    }
                }
                return results;
            });
            for (int i : is) {
                for (int j : js) {
                    String expected = onHost.get(i + "," + j);
                    String actual;
                    try {
                        actual = show((Double) interp.call(g, (long) i, (long) j));
                    } catch (LLException e) {
                        actual = interp.report(e).strip().lines().reduce((a, b) -> b).orElseThrow();
                    }
                    if (!expected.equals(actual)) {
                        differences.put(function + "(" + label(i) + ", " + label(j) + ")", "host " + expected + ", ll " + actual);
                    }
                }
            }
        }
        return differences;
    }

    private static String label(int i) {
        return i < VALUES.length ? VALUES[i] : String.valueOf(i);
    }

    private static int[] all() {
        int[] is = new int[VALUES.length];
        for (int i = 0; i < is.length; i++) {
            is[i] = i;
        }
        return is;
    }

    @Test
    void floorDivisionModuloAndTrueDivisionOfFloatsAreTheHostsBitForBit() throws Exception {
        assertThat(compare("floordiv", all(), all())).isEmpty();
        assertThat(compare("mod", all(), all())).isEmpty();
        assertThat(compare("truediv", all(), all())).isEmpty();
        // an int meeting a float, and int / int with its own message for a zero divisor
        assertThat(compare("mixed", new int[] {0, 1, 2, 5, 13, 22}, new int[] {-3, 0, 2, 7})).isEmpty();
    }

    @Test
    void theFmodOfTheHelpersIsCsOnRandomPairs() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        HostInterpreter host = new HostInterpreter(quiet, quiet, new ByteArrayInputStream(new byte[0]));
        LLTypeModule.install(host);
        PyModule rfloat = host.runInside(() -> (PyModule) host.importName("rpython.rtyper.rfloat", new PyDict(),
                new PyTuple(PyStr.of("ll_fmod")), 0));
        RTyper rtyper = new RTyper(new Annotator(new TranslationContext(host)));
        host.runInside(rtyper::specialize);
        LowLevelGraph fmod = rtyper.helper((PyFunction) rfloat.get("ll_fmod"), Primitive.FLOAT, Primitive.FLOAT);
        Random random = new Random(12);
        List<String> wrong = new ArrayList<>();
        try (Heap heap = Heap.fast()) {
            LLInterpreter interp = new LLInterpreter(rtyper.program(fmod), heap, quiet);
            for (int k = 0; k < 1_000; k++) {
                double x = randomDouble(random);
                double y = randomDouble(random);
                double expected = x % y;   // Java's % on doubles is C's fmod
                double actual = (Double) interp.call(fmod, x, y);
                if (!show(expected).equals(show(actual))) {
                    wrong.add(x + " fmod " + y + ": " + actual + ", not " + expected);
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** Any double, with the hard ones often: all 64 bits at random, or a small exponent range. */
    private static double randomDouble(Random r) {
        return switch (r.nextInt(4)) {
            case 0 -> Double.longBitsToDouble(r.nextLong());
            case 1 -> Double.longBitsToDouble(r.nextLong() >>> 12);               // subnormals and zeros' neighbours
            case 2 -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20);
            default -> (r.nextInt(2000) - 1000) / 8.0;                                // exact quotients, zero remainders
        };
    }
}
