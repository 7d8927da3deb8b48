package dev.taipan.flowgraph.host.lib;

import static dev.taipan.flowgraph.host.lib.CPython.lit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.lib.CPython.Case;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StrMethodsTest {

    private static final int MIN = Integer.MIN_VALUE;
    private static final int MAX = Integer.MAX_VALUE;

    @Test
    void splitOnWhitespace() {
        assertThat(StrMethods.split("  a b\t\nc  ")).containsExactly("a", "b", "c");
        assertThat(StrMethods.split("")).isEmpty();
        assertThat(StrMethods.split("   ")).isEmpty();
        assertThat(StrMethods.split("  a b  c  ", null, 1)).containsExactly("a", "b  c  ");
        assertThat(StrMethods.split("  a b  c  ", null, 0)).containsExactly("a b  c  ");
        assertThat(StrMethods.split("a\u00a0b\u2028c\u3000d\u001ce")).containsExactly("a", "b", "c", "d", "e");
        assertThat(StrMethods.split("a\u200bb")).containsExactly("a\u200bb");   // zero-width space is not whitespace
        assertThat(StrMethods.rsplit("  a b  c  ", null, 1)).containsExactly("  a b", "c");
        assertThat(StrMethods.rsplit("  a b  c  ", null, 0)).containsExactly("  a b  c");
    }

    @Test
    void splitOnSeparator() {
        assertThat(StrMethods.split("a,b,,c,", ",", -1)).containsExactly("a", "b", "", "c", "");
        assertThat(StrMethods.split("", ",", -1)).containsExactly("");
        assertThat(StrMethods.split("a,b,c", ",", 1)).containsExactly("a", "b,c");
        assertThat(StrMethods.split("a,b,c", ",", 0)).containsExactly("a,b,c");
        assertThat(StrMethods.split("aaa", "aa", -1)).containsExactly("", "a");
        assertThat(StrMethods.rsplit("aaa", "aa", -1)).containsExactly("a", "");
        assertThat(StrMethods.rsplit("a,b,c", ",", 1)).containsExactly("a,b", "c");
        assertThatThrownBy(() -> StrMethods.split("a", "", -1)).isInstanceOf(PyLibError.class).hasMessage("empty separator");
        assertThatThrownBy(() -> StrMethods.rsplit("a", "", -1)).hasMessage("empty separator");
    }

    @Test
    void splitlines() {
        assertThat(StrMethods.splitlines("a\nb\r\nc\rd\u2028e\u000bf\u001cg\u0085h", false))
                .containsExactly("a", "b", "c", "d", "e", "f", "g", "h");
        assertThat(StrMethods.splitlines("a\r\n\nb\n", true)).containsExactly("a\r\n", "\n", "b\n");
        assertThat(StrMethods.splitlines("", true)).isEmpty();
        assertThat(StrMethods.splitlines("\n", false)).containsExactly("");
        assertThat(StrMethods.splitlines("a\u001fb", false)).containsExactly("a\u001fb");   // unit separator is not a line break
    }

    @Test
    void strip() {
        assertThat(StrMethods.strip(" \t\u00a0x y\u2009\n")).isEqualTo("x y");
        assertThat(StrMethods.strip("xxhixx", "x")).isEqualTo("hi");
        assertThat(StrMethods.lstrip("abcba", "ab")).isEqualTo("cba");
        assertThat(StrMethods.rstrip("abcba", "ab")).isEqualTo("abc");
        assertThat(StrMethods.strip("abc", "")).isEqualTo("abc");
        assertThat(StrMethods.strip("")).isEmpty();
        assertThat(StrMethods.removeprefix("abc", "ab")).isEqualTo("c");
        assertThat(StrMethods.removesuffix("abc", "")).isEqualTo("abc");
    }

    @Test
    void findWithSliceArguments() {
        assertThat(StrMethods.find("hello", "l", 0, MAX)).isEqualTo(2);
        assertThat(StrMethods.find("hello", "l", 3, MAX)).isEqualTo(3);
        assertThat(StrMethods.find("hello", "l", -2, MAX)).isEqualTo(3);
        assertThat(StrMethods.find("hello", "lo", 0, 4)).isEqualTo(-1);
        assertThat(StrMethods.find("hello", "", 5, MAX)).isEqualTo(5);
        assertThat(StrMethods.find("hello", "", 6, MAX)).isEqualTo(-1);
        assertThat(StrMethods.find("hello", "", -100, 2)).isZero();
        assertThat(StrMethods.find("hello", "h", MIN, -5)).isEqualTo(-1);
        assertThat(StrMethods.rfind("hello", "l", 0, MAX)).isEqualTo(3);
        assertThat(StrMethods.rfind("hello", "l", 0, 3)).isEqualTo(2);
        assertThat(StrMethods.rfind("hello", "", 1, 3)).isEqualTo(3);
        assertThat(StrMethods.rfind("hello", "", 4, 3)).isEqualTo(-1);
        assertThat(StrMethods.index("abc", "c")).isEqualTo(2);
        assertThatThrownBy(() -> StrMethods.index("abc", "d")).hasMessage("substring not found")
                .extracting(e -> ((PyLibError) e).pythonType()).isEqualTo("ValueError");
        assertThatThrownBy(() -> StrMethods.rindex("abc", "a", 1, MAX)).hasMessage("substring not found");
    }

    @Test
    void countAndAffixes() {
        assertThat(StrMethods.count("aaaa", "aa")).isEqualTo(2);
        assertThat(StrMethods.count("abc", "")).isEqualTo(4);
        assertThat(StrMethods.count("abc", "", 3, MAX)).isEqualTo(1);
        assertThat(StrMethods.count("abc", "", 4, MAX)).isZero();
        assertThat(StrMethods.count("abc", "", -1, MAX)).isEqualTo(2);
        assertThat(StrMethods.count("", "")).isEqualTo(1);
        assertThat(StrMethods.startswith("abc", "", 3, MAX)).isTrue();
        assertThat(StrMethods.startswith("abc", "", 4, MAX)).isFalse();
        assertThat(StrMethods.startswith("", "", 1, MAX)).isFalse();
        assertThat(StrMethods.startswith("abc", "bc", 1, MAX)).isTrue();
        assertThat(StrMethods.startswith("abc", "bc", 1, 2)).isFalse();
        assertThat(StrMethods.endswith("abc", "ab", 0, -1)).isTrue();
        assertThat(StrMethods.endswith("abc", "c", -1, MAX)).isTrue();
        assertThat(StrMethods.endswith("abc", "abc", 1, MAX)).isFalse();
    }

    @Test
    void replace() {
        assertThat(StrMethods.replace("aaa", "a", "b")).isEqualTo("bbb");
        assertThat(StrMethods.replace("aaa", "a", "b", 2)).isEqualTo("bba");
        assertThat(StrMethods.replace("aaa", "a", "b", 0)).isEqualTo("aaa");
        assertThat(StrMethods.replace("abc", "", "-")).isEqualTo("-a-b-c-");
        assertThat(StrMethods.replace("abc", "", "-", 2)).isEqualTo("-a-bc");
        assertThat(StrMethods.replace("", "", "x")).isEqualTo("x");
        assertThat(StrMethods.replace("", "", "x", 0)).isEmpty();
        assertThat(StrMethods.replace("abab", "ab", "")).isEmpty();
    }

    @Test
    void partition() {
        assertThat(StrMethods.partition("a=b=c", "=")).containsExactly("a", "=", "b=c");
        assertThat(StrMethods.rpartition("a=b=c", "=")).containsExactly("a=b", "=", "c");
        assertThat(StrMethods.partition("abc", "=")).containsExactly("abc", "", "");
        assertThat(StrMethods.rpartition("abc", "=")).containsExactly("", "", "abc");
        assertThatThrownBy(() -> StrMethods.partition("abc", "")).hasMessage("empty separator");
    }

    @Test
    void padding() {
        assertThat(StrMethods.center("abc", 6, '*')).isEqualTo("*abc**");
        assertThat(StrMethods.center("abc", 8, '*')).isEqualTo("**abc***");
        assertThat(StrMethods.center("ab", 5, '*')).isEqualTo("**ab*");
        assertThat(StrMethods.center("ab", 7)).isEqualTo("   ab  ");
        assertThat(StrMethods.center("abc", -1)).isEqualTo("abc");
        assertThat(StrMethods.ljust("a", 3, '.')).isEqualTo("a..");
        assertThat(StrMethods.rjust("a", 3, "\uD83D\uDE00")).isEqualTo("\uD83D\uDE00\uD83D\uDE00a");
        assertThatThrownBy(() -> StrMethods.rjust("a", 3, "ab")).hasMessage("The fill character must be exactly one character long");
        assertThat(StrMethods.zfill("-42", 5)).isEqualTo("-0042");
        assertThat(StrMethods.zfill("+", 3)).isEqualTo("+00");
        assertThat(StrMethods.zfill("", 2)).isEqualTo("00");
        assertThat(StrMethods.zfill("abc", 2)).isEqualTo("abc");
        assertThat(StrMethods.expandtabs("a\tbc\td")).isEqualTo("a       bc      d");
        assertThat(StrMethods.expandtabs("ab\tc\nd\te", 4)).isEqualTo("ab  c\nd   e");
        assertThat(StrMethods.expandtabs("a\tb", 0)).isEqualTo("ab");
        assertThat(StrMethods.expandtabs("a\tb", -3)).isEqualTo("ab");
    }

    @Test
    void repeatAndJoin() {
        assertThat(StrMethods.repeat("ab", 3)).isEqualTo("ababab");
        assertThat(StrMethods.repeat("ab", -1)).isEmpty();
        assertThat(StrMethods.repeat("", Long.MAX_VALUE)).isEmpty();
        assertThatThrownBy(() -> StrMethods.repeat("ab", 1L << 62)).hasMessage("repeated string is too long");
        assertThatThrownBy(() -> StrMethods.repeat("ab", 1L << 40))
                .extracting(e -> ((PyLibError) e).pythonType()).isEqualTo("MemoryError");
        assertThat(StrMethods.join(", ", List.of("a", "b"))).isEqualTo("a, b");
        assertThat(StrMethods.join("x", List.of())).isEmpty();
        assertThat(StrMethods.getitem("abc", -1)).isEqualTo("c");
        assertThatThrownBy(() -> StrMethods.getitem("abc", 3)).hasMessage("string index out of range");
    }

    @Test
    void caseMapping() {
        assertThat(StrMethods.upper("straße")).isEqualTo("STRASSE");
        assertThat(StrMethods.lower("ΟΔΟΣ ΑΣ.")).isEqualTo("οδος ας.");
        assertThat(StrMethods.lower("İ")).isEqualTo("i\u0307");
        assertThat(StrMethods.casefold("Straße ẞ ﬁ")).isEqualTo("strasse ss fi");
        assertThat(StrMethods.capitalize("hELLO wORLD")).isEqualTo("Hello world");
        assertThat(StrMethods.capitalize("ßa")).isEqualTo("Ssa");
        assertThat(StrMethods.capitalize("ǆemal")).isEqualTo("ǅemal");
        assertThat(StrMethods.title("they're bill's friends from the UK")).isEqualTo("They'Re Bill'S Friends From The Uk");
        assertThat(StrMethods.title("ﬁsh 3rd")).isEqualTo("Fish 3Rd");
        assertThat(StrMethods.swapcase("Hello ΣΑΣ")).isEqualTo("hELLO σας");
        assertThat(StrMethods.upper("")).isEmpty();
    }

    @Test
    void predicates() {
        assertThat(StrMethods.isdigit("²3")).isTrue();
        assertThat(StrMethods.isdecimal("²3")).isFalse();
        assertThat(StrMethods.isnumeric("½Ⅻ一")).isTrue();
        assertThat(StrMethods.isdigit("½")).isFalse();
        assertThat(StrMethods.isdecimal("١٢٣")).isTrue();
        assertThat(StrMethods.isalpha("abcé")).isTrue();
        assertThat(StrMethods.isalpha("")).isFalse();
        assertThat(StrMethods.isalnum("a1½")).isTrue();
        assertThat(StrMethods.isspace(" \t\u3000\u0085")).isTrue();
        assertThat(StrMethods.isspace("")).isFalse();
        assertThat(StrMethods.isspace("\u200b")).isFalse();
        assertThat(StrMethods.isupper("ABC1")).isTrue();
        assertThat(StrMethods.isupper("1")).isFalse();
        assertThat(StrMethods.isupper("Aǅ")).isFalse();
        assertThat(StrMethods.islower("abc1")).isTrue();
        assertThat(StrMethods.istitle("Hello World")).isTrue();
        assertThat(StrMethods.istitle("Hello world")).isFalse();
        assertThat(StrMethods.istitle("ǅemal")).isTrue();
        assertThat(StrMethods.istitle("")).isFalse();
        assertThat(StrMethods.isidentifier("_x1")).isTrue();
        assertThat(StrMethods.isidentifier("1x")).isFalse();
        assertThat(StrMethods.isidentifier("été")).isTrue();
        assertThat(StrMethods.isidentifier("class")).isTrue();
        assertThat(StrMethods.isidentifier("")).isFalse();
        assertThat(StrMethods.isprintable("")).isTrue();
        assertThat(StrMethods.isprintable("a b")).isTrue();
        assertThat(StrMethods.isprintable("a\tb")).isFalse();
        assertThat(StrMethods.isprintable("\u00a0")).isFalse();
        assertThat(StrMethods.isascii("")).isTrue();
        assertThat(StrMethods.isascii("\u007f")).isTrue();
        assertThat(StrMethods.isascii("é")).isFalse();
    }

    // ------------------------------------------------------------------ against CPython

    private static final String ALPHABET = "aab AB\t\n\r,,.-ß\u00a0\u2028\u0085Σσ1_x";

    private static String randomString(Random r, int maxLen) {
        int n = r.nextInt(maxLen + 1);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    private static int randomIndex(Random r) {
        return r.nextInt(10) == 0 ? (r.nextBoolean() ? MIN : MAX) : r.nextInt(-14, 15);
    }

    private static String py(int i) {
        return i == MIN ? "-2**40" : i == MAX ? "2**40" : Integer.toString(i);
    }

    /** Random strings over an alphabet of letters, separators and Unicode whitespace, through every
     *  method that takes arguments, with random separators, counts and slice bounds. */
    @Test
    void agreesWithCPythonOnRandomArguments() {
        CPython.assumePresent();
        Random r = new Random(20240611);
        List<Case> cases = new ArrayList<>();
        for (int k = 0; k < 800; k++) {
            String s = randomString(r, 12);
            String sub = randomString(r, 2);
            String sep = r.nextInt(4) == 0 ? null : randomString(r, 2);
            String pySep = sep == null ? "None" : lit(sep);
            int max = r.nextInt(-1, 4);
            int a = randomIndex(r);
            int b = randomIndex(r);
            String ls = lit(s);
            String lsub = lit(sub);
            cases.add(new Case(ls + ".split(" + pySep + ", " + max + ")", () -> StrMethods.split(s, sep, max)));
            cases.add(new Case(ls + ".rsplit(" + pySep + ", " + max + ")", () -> StrMethods.rsplit(s, sep, max)));
            cases.add(new Case(ls + ".strip(" + pySep + ")", () -> StrMethods.strip(s, sep)));
            cases.add(new Case(ls + ".lstrip(" + pySep + ")", () -> StrMethods.lstrip(s, sep)));
            cases.add(new Case(ls + ".rstrip(" + pySep + ")", () -> StrMethods.rstrip(s, sep)));
            cases.add(new Case(ls + ".splitlines(" + (max > 0 ? "True" : "False") + ")", () -> StrMethods.splitlines(s, max > 0)));
            String slice = ", " + py(a) + ", " + py(b) + ")";
            cases.add(new Case(ls + ".find(" + lsub + slice, () -> StrMethods.find(s, sub, a, b)));
            cases.add(new Case(ls + ".rfind(" + lsub + slice, () -> StrMethods.rfind(s, sub, a, b)));
            cases.add(new Case(ls + ".index(" + lsub + slice, () -> StrMethods.index(s, sub, a, b)));
            cases.add(new Case(ls + ".rindex(" + lsub + slice, () -> StrMethods.rindex(s, sub, a, b)));
            cases.add(new Case(ls + ".count(" + lsub + slice, () -> StrMethods.count(s, sub, a, b)));
            cases.add(new Case(ls + ".startswith(" + lsub + slice, () -> StrMethods.startswith(s, sub, a, b)));
            cases.add(new Case(ls + ".endswith(" + lsub + slice, () -> StrMethods.endswith(s, sub, a, b)));
            String rep = randomString(r, 2);
            cases.add(new Case(ls + ".replace(" + lsub + ", " + lit(rep) + ", " + max + ")", () -> StrMethods.replace(s, sub, rep, max)));
            cases.add(new Case(ls + ".partition(" + lsub + ")", () -> StrMethods.partition(s, sub)));
            cases.add(new Case(ls + ".rpartition(" + lsub + ")", () -> StrMethods.rpartition(s, sub)));
            int width = r.nextInt(-2, 18);
            cases.add(new Case(ls + ".center(" + width + ", '*')", () -> StrMethods.center(s, width, '*')));
            cases.add(new Case(ls + ".ljust(" + width + ")", () -> StrMethods.ljust(s, width)));
            cases.add(new Case(ls + ".rjust(" + width + ", 'é')", () -> StrMethods.rjust(s, width, 'é')));
            String signed = (r.nextBoolean() ? "-" : "+") + s;
            cases.add(new Case(lit(signed) + ".zfill(" + width + ")", () -> StrMethods.zfill(signed, width)));
            String tabbed = s.replace('_', '\t');
            int tab = r.nextInt(-1, 6);
            cases.add(new Case(lit(tabbed) + ".expandtabs(" + tab + ")", () -> StrMethods.expandtabs(tabbed, tab)));
            for (String m : List.of("upper", "lower", "capitalize", "title", "swapcase", "casefold",
                    "isupper", "islower", "istitle", "isspace", "isalpha", "isalnum", "isidentifier", "isprintable", "isascii")) {
                cases.add(new Case(ls + "." + m + "()", () -> invoke(m, s)));
            }
            cases.add(new Case(lit(s) + " * " + (max + 1), () -> StrMethods.repeat(s, max + 1)));
        }
        assertThat(CPython.mismatches(cases)).isEmpty();
    }

    private static Object invoke(String method, String s) {
        try {
            return StrMethods.class.getMethod(method, String.class).invoke(null, s);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every assigned BMP character (as Python 3.11 sees it) through the predicates and case
     *  mappings; the characters whose properties changed after Unicode 14 are the known misses. */
    @Test
    void agreesWithCPythonOnEveryBmpCharacter() {
        CPython.assumePresent();
        List<String> methods = List.of("isdigit", "isdecimal", "isnumeric", "isalpha", "isalnum", "isspace",
                "isupper", "islower", "istitle", "isidentifier", "isprintable",
                "upper", "lower", "title", "capitalize", "swapcase", "casefold");
        String script = """
                import sys, unicodedata
                ms = %s
                out = []
                for line in sys.stdin:
                    s = chr(int(line, 16))
                    if unicodedata.category(s) == 'Cn':
                        out.append('-')
                    else:
                        out.append(' '.join(repr(getattr(s, m)()) for m in ms))
                print('\\n'.join(out))
                """.formatted(methods.stream().map(m -> "'" + m + "'").toList());
        List<Integer> cps = IntStream.range(0, 0x10000).filter(cp -> cp < 0xd800 || cp >= 0xe000).boxed().toList();
        List<String> expected = CPython.run(script, cps.stream().map(Integer::toHexString).toList());
        List<String> mismatches = new ArrayList<>();
        for (int i = 0; i < cps.size(); i++) {
            if (expected.get(i).equals("-")) {
                continue;
            }
            String s = Character.toString(cps.get(i));
            String actual = String.join(" ", methods.stream().map(m -> CPython.repr(invoke(m, s))).toList());
            if (!actual.equals(expected.get(i))) {
                mismatches.add(Integer.toHexString(cps.get(i)));
            }
        }
        // U+019B, U+0264: uppercase forms added in Unicode 16; U+10FC, U+A7F2..A7F4, U+AB69:
        // Other_Lowercase since Unicode 15
        assertThat(mismatches).containsExactlyInAnyOrder("19b", "264", "10fc", "a7f2", "a7f3", "a7f4", "ab69");
    }
}
