package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.taipan.flowgraph.cli.ExecOptions;
import dev.taipan.flowgraph.host.HostInterpreter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Floats as text, translated: {@code repr}, {@code float(s)}, the {@code %} formats and the
 * {@code math} functions of {@code rpython/rtyper/rdtoa.py} and {@code rmath.py}, run in the
 * llinterp, give CPython's output, character for character, on large sets of values made
 * from a fixed seed (the hard ones on purpose: subnormals, powers of two and ten and their
 * neighbours, 15 to 17 digits, integers near 2**53, halfway decimals, hundreds of digits,
 * exponents far out of range, Python's syntax and what it refuses).
 *
 * <p>One RPy program, {@code floats/float_text_driver.py}, is translated once per mode and
 * converts every input of a set in one run; CPython runs the same file on the same inputs and
 * is the oracle. Skipped, saying so, without {@code /usr/bin/python3}. The sizes can be raised
 * with {@code -Dtaipan.floats.scale=N} (N times each set) for a long run.
 */
class FloatTextTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final int SCALE = Integer.getInteger("taipan.floats.scale", 1);
    private static final long SEED = 20261205L;

    /** Runs the driver at {@code ll} (fast heap) and on CPython, and compares every line. */
    private static void compare(String mode, List<String> inputs) throws Exception {
        compare(mode, inputs, ExecOptions.DEFAULT);
    }

    private static void compare(String mode, List<String> inputs, ExecOptions options) throws Exception {
        assumeTrue(Files.isExecutable(PYTHON), "/usr/bin/python3 is not installed: floats are not checked against CPython");
        Path driver = driver();
        List<String> expected = cpython(driver, mode, inputs);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        List<String> args = new ArrayList<>();
        args.add(mode);
        args.addAll(inputs);
        long t0 = System.nanoTime();
        int status = LLStage.run(new HostInterpreter(out, out, new ByteArrayInputStream(new byte[0])), driver, args,
                options, out, out);
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("FloatTextTest %s: %,d inputs in %.1f s at ll%s (%,.0f a second, translation included)%n",
                mode, inputs.size(), seconds, options.checked() ? " --checked" : "", inputs.size() / seconds);
        List<String> actual = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(status).as("exit status; output ends with %s", actual.subList(Math.max(0, actual.size() - 3), actual.size()))
                .isZero();
        List<String> differences = new ArrayList<>();
        for (int i = 0; i < inputs.size() && differences.size() < 10; i++) {
            String a = i < actual.size() ? actual.get(i) : "<missing>";
            if (!a.equals(expected.get(i))) {
                differences.add(mode + " of " + show(inputs.get(i)) + ": ll gives " + a + ", CPython " + expected.get(i));
            }
        }
        assertThat(differences).isEmpty();
        assertThat(actual).hasSize(expected.size());
    }

    private static String show(String input) {
        return "'" + input.replace("\t", "\\t").replace("\u000b", "\\v").replace("\f", "\\f") + "'";
    }

    private static Path driver() throws URISyntaxException {
        return Path.of(FloatTextTest.class.getResource("/floats/float_text_driver.py").toURI());
    }

    /** CPython's lines: the inputs go through stdin, hex-encoded, since they may hold any char. */
    private static List<String> cpython(Path driver, String mode, List<String> inputs) throws IOException, InterruptedException {
        String wrapper = """
                import sys, importlib.util
                spec = importlib.util.spec_from_file_location("driver", sys.argv[1])
                m = importlib.util.module_from_spec(spec)
                spec.loader.exec_module(m)
                args = [bytes.fromhex(l[1:]).decode('latin-1') for l in sys.stdin.read().split()]
                sys.exit(m.entry_point([sys.argv[1], sys.argv[2]] + args))
                """;
        Process p = new ProcessBuilder(PYTHON.toString(), "-c", wrapper, driver.toString(), mode)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        Thread feeder = Thread.ofVirtual().start(() -> {
            try (var in = p.getOutputStream()) {
                StringBuilder sb = new StringBuilder();
                for (String s : inputs) {
                    sb.append('x').append(HexFormat.of().formatHex(s.getBytes(StandardCharsets.ISO_8859_1))).append('\n');
                }
                in.write(sb.toString().getBytes(StandardCharsets.US_ASCII));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<String> lines = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        feeder.join();
        assertThat(p.waitFor()).as("CPython's exit status").isZero();
        assertThat(lines).hasSize(inputs.size());
        return lines;
    }

    // ---------------------------------------------------------------------------------------
    // The values

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /** Adds d and its n neighbours on each side, as signed bit patterns. */
    private static void around(List<Long> out, double d, int n) {
        long b = bits(d);
        for (long k = -n; k <= n; k++) {
            long c = b + k;
            if (Long.signum(c) == Long.signum(b) || c == 0) {
                out.add(c);
            }
        }
    }

    /** A decimal of {@code digits} random significant digits times 10**exp, the double nearest it. */
    private static double decimal(Random r, int digits, int exp) {
        StringBuilder sb = new StringBuilder();
        sb.append((char) ('1' + r.nextInt(9)));
        for (int i = 1; i < digits; i++) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        return Double.parseDouble(sb + "e" + exp);
    }

    /** The hard doubles for repr and the formats, with {@code random} bit patterns added to reach n. */
    static List<Long> doubles(Random r, int n) {
        List<Long> out = new ArrayList<>();
        for (double d : new double[] {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN,
            Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 0.1, 0.2, 0.3, 1e16, 1e-5, 1e-4, 9999999999999998.0,
            123456789012345.0, 1234567890123456.7, 5e-324, 2.2250738585072009e-308, 0.5, 2.5, 1.5, 0.125}) {
            around(out, d, 2);
        }
        int quota = n / 10;
        for (int k = -1074; k <= 1023 && out.size() < 2 * quota; k++) {
            around(out, Math.scalb(1.0, k), 1);                      // powers of two, their neighbours
        }
        for (int k = -323; k <= 308; k++) {
            around(out, Double.parseDouble("1e" + k), 1);             // powers of ten, their neighbours
        }
        for (int k = -2000; k <= 2000; k += 1) {
            out.add(bits(9007199254740992.0 + k));                    // integers near 2**53
        }
        int start = out.size();
        while (out.size() - start < quota) {                          // subnormals
            out.add((r.nextLong() & ((1L << 52) - 1)) | (r.nextBoolean() ? Long.MIN_VALUE : 0));
        }
        start = out.size();
        while (out.size() - start < 2 * quota) {                      // 15 to 17 significant digits
            int exp = r.nextInt(4) == 0 ? r.nextInt(600) - 320 : r.nextInt(40) - 25;
            double d = decimal(r, 15 + r.nextInt(3), exp);
            if (Double.isFinite(d) && d != 0) {
                around(out, d, r.nextInt(2));
            }
        }
        start = out.size();
        while (out.size() - start < quota) {                          // short decimals
            double d = decimal(r, 1 + r.nextInt(6), r.nextInt(20) - 12);
            out.add(bits(r.nextBoolean() ? d : -d));
        }
        while (out.size() < n) {                                      // anything at all
            out.add(r.nextLong());
        }
        return out.subList(0, n);
    }

    private static List<String> asInputs(List<Long> bits) {
        return bits.stream().map(String::valueOf).toList();
    }

    @Test
    void reprIsCPythonsOnAHundredThousandDoubles() throws Exception {
        compare("repr", asInputs(doubles(new Random(SEED), 100_000 * SCALE)));
    }

    @Test
    void formatsAreCPythons() throws Exception {
        compare("format", asInputs(doubles(new Random(SEED + 1), 3_000 * SCALE)));
    }

    @Test
    void mathFunctionsAreCPythons() throws Exception {
        List<Long> values = new ArrayList<>(doubles(new Random(SEED + 2), 3_000 * SCALE));
        for (double d : new double[] {-1.0, 4.0, 2.0, -0.0, 0.0, Double.POSITIVE_INFINITY, 1.0, Double.NaN, 3.0,
            Double.NEGATIVE_INFINITY, 1e300, 7.0, 9.3e18, -9.3e18, 2.5, -2.5, 1e-320, 0.5}) {
            values.add(bits(d));
        }
        compare("math", asInputs(values));
    }

    /**
     * {@code math.hypot} is CPython 3.11's own algorithm, not the C library's: nearly always
     * correctly rounded, but not always (an exact tie goes up, and below 2**-1024 it skips its
     * correction), so the helper follows its steps and is compared on the pairs where they show.
     */
    @Test
    void hypotIsCPythons() throws Exception {
        compare("hypot", asInputs(hypotPairs(new Random(SEED + 6), 10_000 * SCALE)));
    }

    /**
     * {@code pairs} pairs of doubles, one after the other: every pair of special values, random
     * bit patterns, magnitudes close enough for both squares to count, Pythagorean triples whose
     * hypotenuse lies exactly halfway between two doubles (x = a*a - b*b, y = 2*a*b, so that
     * hypot is a*a + b*b, 54 bits), and their neighbours, subnormals and huge values.
     */
    static List<Long> hypotPairs(Random r, int pairs) {
        List<Long> out = new ArrayList<>();
        double[] special = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN, Double.MIN_VALUE,
            Double.MIN_NORMAL, Double.MAX_VALUE, 1.0, 3.0, -4.0, 0.5, 0x1p-1024, Math.nextDown(0x1p-1024), 0x1p-1023,
            1e-310, 1e308, -1e154, 1e-160, 7.0};
        for (double a : special) {
            for (double b : special) {
                out.add(bits(a));
                out.add(bits(b));
            }
        }
        while (out.size() < 2 * pairs) {
            double x;
            double y;
            switch (r.nextInt(6)) {
                case 0 -> {                                                   // anything at all
                    x = Double.longBitsToDouble(r.nextLong());
                    y = Double.longBitsToDouble(r.nextLong());
                }
                case 1 -> {                                                   // the smaller within 2**-70 of the larger
                    x = Math.scalb(1.0 + r.nextDouble(), r.nextInt(2040) - 1020) * (r.nextBoolean() ? 1 : -1);
                    y = x * Math.scalb(r.nextDouble(), -r.nextInt(70));
                }
                case 2 -> {                                                   // a hypotenuse exactly halfway, or next to it
                    long a = (1L << 26) + r.nextLong(1L << 25);
                    long b = r.nextLong(a);
                    int scale = r.nextInt(2080) - 1100;
                    x = Math.scalb((double) (a * a - b * b), scale);
                    y = Math.scalb((double) (2 * a * b), scale);
                    if (r.nextInt(4) == 0) {
                        x = Math.nextUp(x);
                    }
                }
                case 3 -> {                                                   // subnormal, or just above
                    x = Double.longBitsToDouble(r.nextLong(1L << (50 + r.nextInt(4))));
                    y = Double.longBitsToDouble(r.nextLong(1L << (50 + r.nextInt(4))));
                }
                case 4 -> {                                                   // near the largest double
                    x = Math.scalb(1.0 + r.nextDouble(), 1023 - r.nextInt(4));
                    y = Math.scalb(1.0 + r.nextDouble(), 1023 - r.nextInt(60));
                }
                default -> {                                                  // small integers: 3, 4, 5 and the like
                    x = r.nextInt(1 << 20);
                    y = r.nextInt(1 << 20);
                }
            }
            out.add(bits(x));
            out.add(bits(y));
        }
        return out;
    }

    /**
     * The big integers of the helpers stay inside their allocations: the fast heap would not
     * notice a limb written past a capacity, the checked heap does. The extremes of each set
     * (the first values of each, and the longest strings) run there.
     */
    @Test
    void theHelpersStayInBoundsOnTheCheckedHeap() throws Exception {
        ExecOptions checked = new ExecOptions(true);
        List<Long> values = doubles(new Random(SEED + 4), 1_500);
        compare("repr", asInputs(values), checked);
        compare("format", asInputs(values.subList(0, 300)), checked);
        List<String> longest = new ArrayList<>(strings(new Random(SEED + 5), 3_000));
        longest.sort(java.util.Comparator.comparingInt(String::length).reversed());
        compare("parse", longest.subList(0, 300), checked);
    }

    @TempDir
    Path dir;

    /** The errors, uncaught, say what the host (and CPython) say, the string's repr included. */
    @Test
    void errorsAreTheHosts() throws Exception {
        String program = """
                import math


                def pick(n):
                    if n == 0:
                        return float(" 1.5x\\t")
                    if n == 1:
                        return float(str(n) + "e")
                    if n == 2:
                        return float(int(1e308 * 10.0))
                    if n == 3:
                        return float(int((1e308 * 10.0) * 0.0))
                    if n == 4:
                        return math.sqrt(-1.0 * n)
                    if n == 5:
                        return math.fmod(1e308 * 10.0, 2.0)
                    if n == 6:
                        return float(math.floor(-(1e308 * 10.0)))
                    return float("  -1_0.5e-1_0  ")
                """;
        for (long n = 0; n <= 7; n++) {
            Rtyping.assertRunsAsOnTheHost(dir, program, "pick", n);
        }
        assertThat(Rtyping.lowLevel(dir, program, "pick", 0).error())
                .isEqualTo("ValueError: could not convert string to float: ' 1.5x\\t'");
    }

    @Test
    void parsingIsCPythons() throws Exception {
        compare("parse", strings(new Random(SEED + 3), 30_000 * SCALE));
    }

    /** Strings for float(): what Python accepts, what it refuses, and the hard cases of rounding. */
    static List<String> strings(Random r, int n) {
        List<String> out = new ArrayList<>(List.of("0", "-0", "+0.0", "1", "1.", ".5", "-.5e-3", "5.e2", "1e5", "1E5",
            "1e+5", "1e-5", " 1.5 ", "\t2.5\n", "\u000b3\f", "\u00a04.5\u0085", "1_000.000_1", "1e1_0", "inf", "-inf",
            "+Infinity", "iNfInItY", "nan", "-NaN", "+nan", "1.7976931348623157e308", "1.7976931348623158e308",
            "1.7976931348623159e308", "2.4703282292062327e-324", "2.4703282292062328e-324", "4.9406564584124654e-324",
            "2.2250738585072011e-308", "2.2250738585072012e-308", "1e400", "-1e400", "1e-400", "0e999999999999999999999",
            "123456789012345678901234567890e-400", "9007199254740993", "9007199254740993.0000000000000000000001",
            "", " ", "e5", "1e", "1e+", ".", "-", "+-1", "--1", "1_", "_1", "1__0", "1_.5", "1._5", "1e_5", "1.2.3",
            "abc", "0x10", "in", "infinit", "infinityy", "nana", "1 2", "1,5", "1e5.5"));
        for (int k = -330; k <= 310; k += 3) {
            out.add("1e" + k);
            out.add("5e" + k);
        }
        int quota = n / 8;
        while (out.size() < quota) {                                   // Java's round-trip strings
            double d = Double.longBitsToDouble(r.nextLong());
            if (Double.isFinite(d)) {
                out.add(Double.toString(d));
            }
        }
        for (int i = 0; i < quota / 30; i++) {                         // the exact value: hundreds of digits
            double d = Double.longBitsToDouble(r.nextLong() & Long.MAX_VALUE);
            if (Double.isFinite(d)) {
                out.add(new BigDecimal(d).toString());
            }
        }
        int start = out.size();
        while (out.size() - start < 2 * quota) {                       // halfway between two doubles, and just off
            double d = r.nextInt(4) == 0 ? Double.longBitsToDouble(r.nextLong() & ((1L << 52) - 1))
                    : decimal(r, 17, r.nextInt(60) - 30);
            if (!Double.isFinite(d) || !Double.isFinite(Math.nextUp(d))) {
                continue;
            }
            BigDecimal mid = new BigDecimal(d).add(new BigDecimal(Math.nextUp(d))).divide(BigDecimal.TWO);
            out.add(mid.toString());
            int digits = 17 + r.nextInt(10);
            out.add(mid.round(new MathContext(digits, RoundingMode.DOWN)).toString());
            out.add(mid.round(new MathContext(digits, RoundingMode.UP)).toString());
            out.add(mid.add(mid.ulp()).toString());
        }
        while (out.size() < n) {                                       // random decimals, some far out of range
            StringBuilder sb = new StringBuilder();
            if (r.nextInt(3) == 0) {
                sb.append(r.nextBoolean() ? '-' : '+');
            }
            int digits = r.nextInt(8) == 0 ? 20 + r.nextInt(300) : 1 + r.nextInt(20);
            int point = r.nextInt(digits + 2) - 1;
            for (int i = 0; i < digits; i++) {
                if (i == point) {
                    sb.append('.');
                }
                sb.append((char) ('0' + r.nextInt(10)));
                if (r.nextInt(40) == 0 && i + 1 < digits) {
                    sb.append('_');
                }
            }
            if (r.nextBoolean()) {
                sb.append(r.nextBoolean() ? 'e' : 'E').append(r.nextInt(800) - 400);
            }
            if (r.nextInt(50) == 0) {                                  // a mistake somewhere
                sb.insert(r.nextInt(sb.length() + 1), "_.e+x ".charAt(r.nextInt(6)));
            }
            out.add(sb.toString());
        }
        return out.subList(0, n);
    }
}
