package dev.taipan.flowgraph.host.lib;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.lib.CPython.Case;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PercentFormatTest {

    private static String f(String template, Object... args) {
        return PercentFormat.format(template, Arrays.stream(args).map(PercentArg::of).toList());
    }

    @Test
    void strings() {
        assertThat(f("%s and %r", "a", "b")).isEqualTo("a and 'b'");
        assertThat(f("%a", "é")).isEqualTo("'\\xe9'");
        assertThat(f("%5s|%-5s|", "ab", "cd")).isEqualTo("   ab|cd   |");
        assertThat(f("%.3s", "abcdef")).isEqualTo("abc");
        assertThat(f("%.1r", "ab")).isEqualTo("'");
        assertThat(f("%05s", "a")).isEqualTo("    a");
        assertThat(f("%*s|%-*s|", 4, "a", 3, "b")).isEqualTo("   a|b  |");
        assertThat(f("%*s", -3, "a")).isEqualTo("a  ");
        assertThat(f("%.*s", -1, "abc")).isEmpty();
        assertThat(f("100%% of %s", true)).isEqualTo("100% of True");
        assertThat(f("%c%c", 65, "é")).isEqualTo("Aé");
        assertThat(f("%5c", "x")).isEqualTo("    x");
        assertThat(f("no conversions")).isEqualTo("no conversions");
    }

    @Test
    void integers() {
        assertThat(f("%d %i %u", 1, -2, 3)).isEqualTo("1 -2 3");
        assertThat(f("%d", 2.9)).isEqualTo("2");
        assertThat(f("%d", -2.9)).isEqualTo("-2");
        assertThat(f("%d", true)).isEqualTo("1");
        assertThat(f("%5d|%-5d|%05d", 42, 42, -42)).isEqualTo("   42|42   |-0042");
        assertThat(f("%+d % d %+ d", 5, 5, 5)).isEqualTo("+5  5 +5");
        assertThat(f("%.3d", -5)).isEqualTo("-005");
        assertThat(f("%x %X %o", 255, 255, 8)).isEqualTo("ff FF 10");
        assertThat(f("%#x %#X %#o", 255, 255, 8)).isEqualTo("0xff 0XFF 0o10");
        assertThat(f("%#.3x", 5)).isEqualTo("0x005");
        assertThat(f("%#08x", 5)).isEqualTo("0x000005");
        assertThat(f("%-#8x|", 5)).isEqualTo("0x5     |");
        assertThat(f("%ld %hd", 5, 6)).isEqualTo("5 6");
        assertThat(f("%d", new BigInteger("123456789012345678901234567890"))).isEqualTo("123456789012345678901234567890");
    }

    @Test
    void floats() {
        assertThat(f("%f %e %g", 1.5, 1.5, 1.5)).isEqualTo("1.500000 1.500000e+00 1.5");
        assertThat(f("%.2f", 2.675)).isEqualTo("2.67");
        assertThat(f("%05.1f", -1.25)).isEqualTo("-01.2");
        assertThat(f("%.0f %.0f %#.0f", 0.5, 1.5, 1.5)).isEqualTo("0 2 2.");
        assertThat(f("%010f", Double.POSITIVE_INFINITY)).isEqualTo("0000000inf");
        assertThat(f("%-010f|", Double.NaN)).isEqualTo("nan       |");
        assertThat(f("%+f", Double.NaN)).isEqualTo("+nan");
        assertThat(f("%f", 3)).isEqualTo("3.000000");
        assertThat(f("%F %E %G", Double.POSITIVE_INFINITY, 1e100, 1e-10)).isEqualTo("INF 1.000000E+100 1E-10");
    }

    @Test
    void mapping() {
        Map<String, PercentArg> m = Map.of("name", PercentArg.of("x"), "n", PercentArg.of(3), "a(b)", PercentArg.of(1));
        assertThat(PercentFormat.format("%(name)s=%(n)03d %(a(b))s", m::get)).isEqualTo("x=003 1");
        assertThat(PercentFormat.format("abc", m::get)).isEqualTo("abc");
        PercentArg self = PercentArg.of("{...}");
        assertThat(PercentFormat.format("%s %(n)s", List.of(self), m::get)).isEqualTo("{...} 3");
        assertThatThrownBy(() -> PercentFormat.format("%(n)s %s", List.of(self), m::get))
                .hasMessage("not enough arguments for format string");
        assertThatThrownBy(() -> PercentFormat.format("%(n", m::get)).hasMessage("incomplete format key");
        assertThatThrownBy(() -> f("%(n)s", 1)).hasMessage("format requires a mapping");
    }

    @Test
    void errors() {
        assertThatThrownBy(() -> f("%s %s", 1)).hasMessage("not enough arguments for format string")
                .extracting(e -> ((PyLibError) e).pythonType()).isEqualTo("TypeError");
        assertThatThrownBy(() -> f("%s", 1, 2)).hasMessage("not all arguments converted during string formatting");
        assertThatThrownBy(() -> f("abc", 1)).hasMessage("not all arguments converted during string formatting");
        assertThatThrownBy(() -> f("%d", "a")).hasMessage("%d format: a real number is required, not str");
        assertThatThrownBy(() -> f("%i", "a")).hasMessage("%i format: a real number is required, not str");
        assertThatThrownBy(() -> f("%x", 1.5)).hasMessage("%x format: an integer is required, not float");
        assertThatThrownBy(() -> f("%e", "a")).hasMessage("must be real number, not str");
        assertThatThrownBy(() -> f("abc%q", 1)).hasMessage("unsupported format character 'q' (0x71) at index 4")
                .extracting(e -> ((PyLibError) e).pythonType()).isEqualTo("ValueError");
        assertThatThrownBy(() -> f("%-5%", 1)).hasMessage("unsupported format character '%' (0x25) at index 3");
        assertThatThrownBy(() -> f("%q")).hasMessage("not enough arguments for format string");
        assertThatThrownBy(() -> f("%c", "ab")).hasMessage("%c requires int or char");
        assertThatThrownBy(() -> f("%c", 65.0)).hasMessage("%c requires int or char");
        assertThatThrownBy(() -> f("%c", 0x110000)).hasMessage("%c arg not in range(0x110000)");
        assertThatThrownBy(() -> f("abc%")).hasMessage("incomplete format");
        assertThatThrownBy(() -> f("%5", 1)).hasMessage("incomplete format");
        assertThatThrownBy(() -> f("%*d", "a", 1)).hasMessage("* wants int");
        assertThatThrownBy(() -> f("%d", Double.NaN)).hasMessage("cannot convert float NaN to integer");
    }

    // ------------------------------------------------------------------ against CPython

    private record Arg(String python, Object java) {}

    private static Arg randomArg(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> new Arg("'ab\\xe9'", "ab\u00e9");
            case 1 -> new Arg(r.nextBoolean() ? "True" : "False", null);
            case 2, 3 -> {
                BigInteger v = Values.randomInt(r);
                yield new Arg(v.toString(), v);
            }
            default -> {
                double d = Values.randomDouble(r);
                yield new Arg(Values.py(d), d);
            }
        };
    }

    /** Random templates (flags, widths, precisions, stars, every conversion, a stray bad one)
     *  over random ints, floats, bools and strs, as a tuple and as a dict. */
    @Test
    void agreesWithCPython() {
        CPython.assumePresent();
        Random r = new Random(9);
        List<Case> cases = new ArrayList<>();
        String convs = "diouxXeEfFgGcsra";
        for (int k = 0; k < 5000; k++) {
            boolean dict = k % 4 == 0;
            StringBuilder t = new StringBuilder();
            List<Arg> args = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (int c = r.nextInt(0, 4); c > 0; c--) {
                t.append("ab %".substring(0, r.nextInt(4)).replace("%", "%%"));
                t.append('%');
                if (dict) {
                    String key = "k" + keys.size();
                    keys.add(key);
                    t.append('(').append(key).append(')');
                }
                for (char flag : "-+ #0".toCharArray()) {
                    if (r.nextInt(5) == 0) {
                        t.append(flag);
                    }
                }
                if (r.nextInt(3) == 0) {
                    if (!dict && r.nextInt(4) == 0) {
                        t.append('*');
                        int w = r.nextInt(-12, 12);
                        args.add(new Arg(Integer.toString(w), BigInteger.valueOf(w)));
                    } else {
                        t.append(r.nextInt(0, 15));
                    }
                }
                if (r.nextInt(3) == 0) {
                    t.append('.').append(r.nextInt(0, 12));
                }
                t.append(r.nextInt(60) == 0 ? 'q' : convs.charAt(r.nextInt(convs.length())));
                args.add(randomArg(r));
            }
            if (r.nextInt(30) == 0 && !args.isEmpty() && !dict) {
                args.remove(args.size() - 1);   // not enough
            } else if (r.nextInt(30) == 0) {
                args.add(randomArg(r));          // too many
            }
            String template = t.toString();
            List<PercentArg> javaArgs = args.stream().map(PercentFormatTest::toPercentArg).toList();
            if (dict) {
                List<String> items = new ArrayList<>();
                for (int i = 0; i < keys.size() && i < args.size(); i++) {
                    items.add("'" + keys.get(i) + "': " + args.get(i).python());
                }
                String py = CPython.lit(template) + " % {" + String.join(", ", items) + "}";
                cases.add(new Case(py, () -> PercentFormat.format(template, List.of(), key -> {
                    int i = keys.indexOf(key);
                    return javaArgs.get(i);
                })));
            } else {
                String py = CPython.lit(template) + " % (" + String.join(", ", args.stream().map(Arg::python).toList())
                        + (args.size() == 1 ? ",)" : ")");
                cases.add(new Case(py, () -> PercentFormat.format(template, javaArgs)));
            }
        }
        assertThat(CPython.mismatches(cases)).isEmpty();
    }

    private static PercentArg toPercentArg(Arg a) {
        if (a.java() == null) {
            return PercentArg.of(a.python().equals("True"));
        }
        return PercentArg.of(a.java());
    }
}
