package dev.taipan.rtyper.rtyper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.taipan.flowgraph.host.HostInterpreter;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.host.PyModule;
import dev.taipan.annotator.Annotator;
import dev.taipan.flowgraph.flow.TranslationContext;
import dev.taipan.rtyper.llannotation.LLTypeModule;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llinterp.LLInterpreter;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.memory.Heap;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The builtins, str methods and dicts of {@code rbuiltin.py}, {@code rrange.py}, {@code rstr.py},
 * {@code rformat.py} and {@code rdict.py}: each program runs at the low level over the checked
 * heap and must print what CPython 3.11 printed for it (the expected text below was produced by
 * {@code python3}), and what the host interpreter prints.
 */
class BuiltinsStrsAndDictsTest {
    @TempDir
    Path dir;

    private void assertRunsAsCPython(String source, String cpython) throws Exception {
        AsCPython.assertRunsAsCPython(dir, source, cpython);
    }

    /** isupper, islower and isalnum on empty, one-case and mixed strs; ljust/rjust narrower and wider than the str, with a fill char; index with start and end (the empty str found everywhere, ValueError when not found), count of overlapping matches, rfind; split with every maxsplit, on a separator and on whitespace; replace with a count; lstrip/rstrip of a set of chars; endswith/startswith within bounds. */
    @Test
    void strMethodsAgreeWithCPython() throws Exception {
        assertRunsAsCPython("""
            def show(s):
                print("%s|%s|%s|%s" % (s, s.isupper(), s.islower(), s.isalnum()))


            def entry_point(argv):
                for s in ["", "A", "a", "AB1", "ab1", "Ab", "1", " ", "A B", "a-b"]:
                    show(s)
                for w in [0, 2, 3, 6]:
                    print("[%s][%s][%s]" % ("abc".ljust(w), "abc".rjust(w, "-"), "".ljust(w, "*")))
                hay = "abcabcab"
                for sub in ["", "a", "ab", "cab", "b"]:
                    print("%d %d %d %d %d" % (hay.index(sub), hay.index(sub, 2), hay.index(sub, 1, 7), hay.rfind(sub), hay.count(sub)))
                for sub in ["x", "abcd", "bca"]:
                    try:
                        print(hay.index(sub, 3, 6))
                    except ValueError:
                        print("no " + sub)
                print("%d %d %d" % ("aaaa".count("aa"), "aaaa".count("a", 1), "".count("")))
                for n in [-1, 0, 1, 2, 5]:
                    print(str("a,b,,c,".split(",", n)) + " " + str(" x  y z ".split(None, n)) + " " + str("".split(None, n))
                          + " " + str("ab".split("ab", n)))
                print(str("   ".split(None, 1)) + " " + str("a".split(",", 0)))
                for n in [-1, 0, 1, 3]:
                    print("aaa".replace("a", "bc", n) + " " + "abab".replace("ab", "", n) + " " + "".replace("", "x", n))
                print("[%s][%s][%s]" % ("xyhixy".lstrip("yx"), "xyhixy".rstrip("xy"), "xx".strip("x")))
                print("%s %s %s %s" % ("hello".endswith("lo", 0, 5), "hello".endswith("lo", 0, 4), "hello".endswith(""),
                                       "hello".startswith("ll", 2)))
                return 0

            """, """
            |False|False|False
            A|True|False|True
            a|False|True|True
            AB1|True|False|True
            ab1|False|True|True
            Ab|False|False|True
            1|False|False|True
             |False|False|False
            A B|True|False|False
            a-b|False|True|False
            [abc][abc][]
            [abc][abc][**]
            [abc][abc][***]
            [abc   ][---abc][******]
            0 2 1 8 9
            0 3 3 6 3
            0 3 3 6 3
            2 2 2 5 2
            1 4 1 7 3
            no x
            no abcd
            no bca
            2 3 1
            ['a', 'b', '', 'c', ''] ['x', 'y', 'z'] [] ['', '']
            ['a,b,,c,'] ['x  y z '] [] ['ab']
            ['a', 'b,,c,'] ['x', 'y z '] [] ['', '']
            ['a', 'b', ',c,'] ['x', 'y', 'z '] [] ['', '']
            ['a', 'b', '', 'c', ''] ['x', 'y', 'z'] [] ['', '']
            [] ['a']
            bcbcbc  x
            aaa abab\s
            bcaa ab x
            bcbcbc  x
            [hixy][xyhi][]
            True False True True
            """);
    }

    /** bool() of every kind of value and of nothing; max/min of two and three ints (the first of equal ones kept, the smallest int), of floats (signed zeros), and of chars; an r_uint through %d %i %x %X %o %#x %#o %+d and widths, str(), negated, inverted, shifted, multiplied, compared; len() of empty, forward, backward and the widest ranges, and the one too long for an int (OverflowError). */
    @Test
    void numbersUnsignedAndRangesAgreeWithCPython() throws Exception {
        assertRunsAsCPython("""
            from rpython.rlib.rarithmetic import r_uint, intmask


            def entry_point(argv):
                n = len(argv)
                print("%s %s %s %s %s %s %s" % (bool(n), bool(n - 1), bool(0.0), bool(-0.5), bool("ab"[n:]), bool([n]), bool()))
                for a, b in [(1, 2), (2, 1), (-5, -5), (0, -9223372036854775807 - 1)]:
                    print("%d %d %d %d" % (max(a, b), min(a, b), max(a, b, n), min(n, a, b)))
                print(max(1.5, -2.5), min(-0.0, 0.0), max(0.0, -0.0), min(2.5, 3, 1.25))
                print(max("a", "c", "b"), min("q", "b"))
                for x in [0, 1, 7, -1, -9223372036854775807 - 1, 255]:
                    u = r_uint(x)
                    print("%d|%i|%x|%X|%o|%#x|%#o|%+d|%5d|%-4x|%s|%s" % (u, u, u, u, u, u, u, u, u, u, str(u), u))
                    print("%d %d %d %d %d" % (-u, ~u, u >> 1, u << 1, u * r_uint(3)))
                    print("%s %s %s" % (u > r_uint(1), u <= r_uint(7), u == r_uint(x)))
                for start, stop, step in [(0, 0, 1), (0, 1, 1), (1, 0, 1), (0, 10, 3), (10, 0, -3), (-3, 3, 2), (3, -3, -2),
                                          (0, 9223372036854775807, 1),
                                          (-9223372036854775807 - 1, 9223372036854775807, 3),
                                          (9223372036854775807, -9223372036854775807 - 1, -9223372036854775807 - 1)]:
                    print(len(range(start, stop * n, step)))
                try:
                    print(len(range(-9223372036854775807 - 1, 9223372036854775807 * n)))
                except OverflowError:
                    print("OverflowError")
                return 0

            """, """
            True False False True True True False
            2 1 2 1
            2 1 2 1
            -5 -5 1 -5
            0 -9223372036854775808 1 -9223372036854775808
            1.5 -0.0 0.0 1.25
            c b
            0|0|0|0|0|0x0|0o0|+0|    0|0   |0|0
            0 18446744073709551615 0 0 0
            False True True
            1|1|1|1|1|0x1|0o1|+1|    1|1   |1|1
            18446744073709551615 18446744073709551614 0 2 3
            False True True
            7|7|7|7|7|0x7|0o7|+7|    7|7   |7|7
            18446744073709551609 18446744073709551608 3 14 21
            True True True
            18446744073709551615|18446744073709551615|ffffffffffffffff|FFFFFFFFFFFFFFFF|1777777777777777777777|0xffffffffffffffff|0o1777777777777777777777|+18446744073709551615|18446744073709551615|ffffffffffffffff|18446744073709551615|18446744073709551615
            1 0 9223372036854775807 18446744073709551614 18446744073709551613
            True False True
            9223372036854775808|9223372036854775808|8000000000000000|8000000000000000|1000000000000000000000|0x8000000000000000|0o1000000000000000000000|+9223372036854775808|9223372036854775808|8000000000000000|9223372036854775808|9223372036854775808
            9223372036854775808 9223372036854775807 4611686018427387904 0 9223372036854775808
            True False True
            255|255|ff|FF|377|0xff|0o377|+255|  255|ff  |255|255
            18446744073709551361 18446744073709551360 127 510 765
            True False True
            0
            1
            0
            4
            4
            3
            3
            9223372036854775807
            6148914691236517205
            2
            OverflowError
            """);
    }

    /** a char in a constant str, a str in a str (the empty str, overlapping), a char in a tuple and a list of chars and strs, an int in a tuple of ints, a float in a tuple of ints. */
    @Test
    void inOnConstantStrsAndTuplesAgreesWithCPython() throws Exception {
        assertRunsAsCPython("""
            def entry_point(argv):
                word = "education" + argv[0][:0]
                out = ""
                for c in word:
                    if c in "aeiou":
                        out += c
                print(out)
                print("%s %s %s %s" % ("" in "abc"[len(argv):], "cat" in "concatenate", "tac" in "concatenate", "x" in ""))
                for c in "a(z)":
                    print("%s %s %s" % (c in ("(", ")"), c in ["z", "y"], c in ("a", "bc")))
                n = len(argv)
                print("%s %s %s" % (n in (0, 1, 2), n in (5, 6), 1.0 * n in (1, 2)))
                return 0

            """, """
            euaio
            True True False False
            False False True
            True False False
            False True False
            True False False
            True False True
            """);
    }

    /** a prebuilt dict with str keys (the empty str, bytes 0 and 127, a long key) looked up by strs built at run time, then grown past several resizes; get, setdefault, pop with and without a default (KeyError), del, keys, values, items, dict(d), update, clear, len, truth. */
    @Test
    void prebuiltDictsWithStrKeysAndEveryDictMethodAgreeWithCPython() throws Exception {
        assertRunsAsCPython("""
            TABLE = {"": 0, "a": 1, "ab": 2, "abc": 3, "\\x7f\\x00": 4, "zz" * 20: 5}
            NAMES = {"one": "1", "two": "2"}


            def entry_point(argv):
                letters = "abc"[:len(argv) + 2]
                for k in ["", letters[:1], letters[:2], letters, "abcd", "\\x7f" + "\\x00", "z" * 40, "b"]:
                    print("%s %d %d" % (k in TABLE, TABLE.get(k, -1), len(k)))
                print(TABLE["a" + "b"])
                d = {}
                for k in TABLE:
                    d[k + "!"] = TABLE[k]
                print("%d %d %d" % (len(d), d["ab!"], d.setdefault("new!", 9)))
                print("%d %d %d" % (d.setdefault("ab!", 7), d.pop("ab!", -1), d.pop("ab!", -1)))
                NAMES["three"] = "3"
                NAMES.setdefault("four", "4")
                del NAMES["one"]
                print(" ".join(NAMES.keys()) + " " + "".join(NAMES.values()))
                for k, v in NAMES.items():
                    print(k + "=" + v)
                print(NAMES.get("two", "?") + NAMES.get("one", "?"))
                other = dict(NAMES)
                other.update({"five": "5", "two": "9"})
                print(",".join(other.keys()) + " " + other["two"] + " " + NAMES["two"])
                try:
                    print(NAMES.pop("one"))
                except KeyError:
                    print("KeyError")
                other.clear()
                print("%d %s %s" % (len(other), "two" in other, bool(other)))
                for i in range(200):
                    TABLE["k" + str(i)] = i
                total = 0
                for i in range(0, 200, 7):
                    total += TABLE["k" + str(i)]
                print("%d %d %d" % (len(TABLE), total, TABLE["ab"]))
                return 0

            """, """
            True 0 0
            True 1 1
            True 2 2
            True 3 3
            False -1 4
            True 4 2
            True 5 40
            False -1 1
            2
            6 2 9
            2 2 -1
            two three four 234
            two=2
            three=3
            four=4
            2?
            two,three,four,five 9 2
            KeyError
            0 False False
            206 2842 2
            """);
    }

    /**
     * Tuple keys (rtuple.py's functions, made per tuple type: equality item by item, CPython's
     * tuple hash), nested and with str items, in a dict built at run time past several resizes
     * and in prebuilt dicts; instance keys in a prebuilt dict, whose hashes (addresses) the
     * image cannot hold and the first lookup computes; float keys (0.0 and -0.0 one key).
     */
    @Test
    void tupleInstanceAndFloatKeysAgreeWithCPython() throws Exception {
        assertRunsAsCPython("""
            class Node(object):
                def __init__(self, name):
                    self.name = name


            N1 = Node("n1")
            N2 = Node("n2")
            BY_NODE = {N1: 1, N2: 2}
            BY_PAIR = {(1, "a"): "one-a", (2, "b"): "two-b", (1, "b"): "one-b"}
            GRID = {(0, 0): 0, (0, 1): 1}


            def entry_point(argv):
                n = len(argv)
                print("%d %d %s" % (BY_NODE[N1], BY_NODE[N2], N1 in BY_NODE))
                N3 = Node("n3")
                BY_NODE[N3] = 3
                print("%d %s %d" % (BY_NODE[N3], Node("x") in BY_NODE, len(BY_NODE)))
                for k in ["a", "b", "c"]:
                    print(BY_PAIR.get((n, k), "?") + " " + BY_PAIR.get((n + 1, k), "?"))
                d = {}
                for i in range(50):
                    for j in range(-3, 3):
                        d[(i, j * n)] = i * j
                total = 0
                for i in range(0, 50, 3):
                    total += d[(i, -2)]
                print("%d %d %s %s" % (len(d), total, (49, 2) in d, (50, 2) in d))
                GRID[(n, n)] = 5
                GRID[(0, 0)] += 7
                del GRID[(0, 1)]
                for k, v in GRID.items():
                    print("%d,%d=%d" % (k[0], k[1], v))
                nested = {((1, 2), "x"): 1}
                nested[((1, 2), "y")] = 2
                print("%d %s" % (nested[((1, n + 1), "y")], ((2, 1), "x") in nested))
                fk = {0.5: "half", -0.0: "zero"}
                print(fk[0.0] + fk[0.25 * 2])
                copy = dict(BY_PAIR)
                copy.update(BY_PAIR)
                print("%d %s" % (len(copy), copy[(2, "b")]))
                return 0

            """, """
            1 2 True
            3 False 3
            one-a ?
            one-b two-b
            ? ?
            300 -816 True False
            0,0=7
            1,1=5
            2 False
            zerohalf
            3 two-b
            """);
    }

    /**
     * hash(): an int's is CPython's (modulo 2**61 - 1, -1 gives -2, the smallest int); a str's,
     * a tuple's, an instance's the dicts' own, equal for equal values (a char and a str of one
     * char, a constant and a str built at run time) and different for different ones.
     */
    @Test
    void hashOfIntsIsCPythonsAndEqualValuesHashAlike() throws Exception {
        assertRunsAsCPython("""
            class K(object):
                pass


            def entry_point(argv):
                n = len(argv)
                for x in [n, -n, 0, -2, 5 - n, 2305843009213693951 + n, -9223372036854775807 - n, 9223372036854775807 * n, -2305843009213693951 - n]:
                    print(hash(x))
                print(hash(n > 0), hash(n < 0))
                s = "ab"[n:]
                print(hash(s) == hash("b"), hash(s) == hash("a"), hash((n, s)) == hash((1, "b")), hash((n, s)) == hash((2, "b")))
                k = K()
                print(hash(k) == hash(k), hash(k) == hash(K()))
                return 0

            """, """
            1
            -2
            0
            -2
            4
            1
            -4
            3
            -2
            1 0
            True False True False
            True False
            """);
    }

    /**
     * int(s, base) for bases 0, 2, 8, 10, 16, 36 and the invalid 1 and 37: prefixes (and base 0
     * choosing by them), signs and spaces, underscores where Python allows them, a leading 0 in
     * base 0, empty and bad digits, the extreme words.
     */
    @Test
    void intOfAStrInABaseAgreesWithCPython() throws Exception {
        assertRunsAsCPython("""
            def parse(s, b):
                try:
                    return str(int(s, b))
                except ValueError:
                    return "ValueError"


            def entry_point(argv):
                n = len(argv)
                bases = [16, 0, 2, 8, 10, 36, 1, 37]
                for s in ["ff", " -0x1F ", "0b101", "0o17", "017", "000", "0", "1_000", "_1", "1__0", "0x_f", "zz", "Zz", "", " ",
                          "+7", "-", "12a", "0x", "1_", "0_7"]:
                    out = s + ":"
                    for b in bases:
                        out += " " + parse(s + argv[0][:0], b * n)
                    print(out)
                print(parse("7fffffffffffffff", 16 * n) + " " + parse("-8000000000000000", 16 * n) + " "
                      + parse("-9223372036854775808", 0 * n) + " " + parse("-0b" + "1" * 63, 0 * n))
                return 0

            """, """
            ff: 255 ValueError ValueError ValueError ValueError 555 ValueError ValueError
             -0x1F : -31 -31 ValueError ValueError ValueError -42819 ValueError ValueError
            0b101: 45313 5 5 ValueError ValueError 514513 ValueError ValueError
            0o17: ValueError 15 ValueError 15 ValueError 31147 ValueError ValueError
            017: 23 ValueError ValueError 15 17 43 ValueError ValueError
            000: 0 0 0 0 0 0 ValueError ValueError
            0: 0 0 0 0 0 0 ValueError ValueError
            1_000: 4096 1000 8 512 1000 46656 ValueError ValueError
            _1: ValueError ValueError ValueError ValueError ValueError ValueError ValueError ValueError
            1__0: ValueError ValueError ValueError ValueError ValueError ValueError ValueError ValueError
            0x_f: 15 15 ValueError ValueError ValueError 1203 ValueError ValueError
            zz: ValueError ValueError ValueError ValueError ValueError 1295 ValueError ValueError
            Zz: ValueError ValueError ValueError ValueError ValueError 1295 ValueError ValueError
            : ValueError ValueError ValueError ValueError ValueError ValueError ValueError ValueError
             : ValueError ValueError ValueError ValueError ValueError ValueError ValueError ValueError
            +7: 7 7 ValueError 7 7 7 ValueError ValueError
            -: ValueError ValueError ValueError ValueError ValueError ValueError ValueError ValueError
            12a: 298 ValueError ValueError ValueError ValueError 1378 ValueError ValueError
            0x: ValueError ValueError ValueError ValueError ValueError 33 ValueError ValueError
            1_: ValueError ValueError ValueError ValueError ValueError ValueError ValueError ValueError
            0_7: 7 ValueError ValueError 7 7 7 ValueError ValueError
            9223372036854775807 -9223372036854775808 -9223372036854775808 -9223372036854775807
            """);
    }

    /** Strs are ordered by the string helpers, which max() does not take yet: refused at the call, in Python's words. */
    @Test
    void maxOfStrsIsRefusedAtItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("prog.py"), """
                def entry_point(argv):
                    print(max(argv[0], "b"))
                    return 0
                """);
        assertThatThrownBy(() -> AsCPython.run(file, true)).isInstanceOf(RTyperError.class)
                .hasMessageContaining("max() of Ptr(GcStruct rpy_string) values has no low-level translation")
                .satisfies(e -> assertThat(((RTyperError) e).line).isEqualTo(2));
    }

    static final String HASHES = """
            from rpython.rtyper.lltypesystem.lltype import Signed, Char, STR, malloc
            from rpython.rtyper.lltypesystem.lloperation import llop
            from rpython.rtyper.rdict import ll_strhash


            def ll_text(n, seed):
                # the str of n chars 0..255 that StrHashTest builds in Java from the same seed
                s = malloc(STR, n)
                x = seed
                i = 0
                while i < n:
                    x = (x * 1103515245 + 12345) & 0x7FFFFFFF
                    s.chars[i] = llop.cast_int_to_char(Char, (x >> 8) & 255)
                    i += 1
                return s


            def ll_hash_twice(n, seed):
                s = ll_text(n, seed)
                h = ll_strhash(s)
                if s.hash != h or ll_strhash(s) != h:
                    return 0          # not cached, or not the same the second time
                return h
            """;

    private static String text(int n, long seed) {
        StringBuilder b = new StringBuilder();
        long x = seed;
        for (int i = 0; i < n; i++) {
            x = (x * 1103515245 + 12345) & 0x7FFFFFFF;
            b.append((char) ((x >> 8) & 255));
        }
        return b.toString();
    }

    /**
     * A prebuilt str's hash, computed in Java for the image ({@link StrHash}), equals what
     * {@code rdict.ll_strhash} computes at run time for the same chars and caches in the
     * string: a dict finds a run-time key among prebuilt ones only so.
     */
    @Test
    void theImagesStrHashEqualsTheHelpersAndTheHelperCachesIt() throws Exception {
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        HostInterpreter host = new HostInterpreter(quiet, quiet, InputStream.nullInputStream());
        LLTypeModule.install(host);
        PyModule m = host.importFile(Files.writeString(dir.resolve("hashes.py"), HASHES));
        RTyper rtyper = new RTyper(new Annotator(new TranslationContext(host)));
        host.runInside(rtyper::specialize);
        LowLevelGraph twice = rtyper.helper((PyFunction) m.get("ll_hash_twice"), Primitive.SIGNED, Primitive.SIGNED);
        try (Heap heap = Heap.checked()) {
            LLInterpreter ll = new LLInterpreter(rtyper.program(twice), heap, System.out);
            for (int n = 0; n < 40; n++) {
                for (long seed = 1; seed <= 5; seed++) {
                    assertThat(ll.call(twice, (long) n, seed)).as("n=%d seed=%d", n, seed).isEqualTo(StrHash.of(text(n, seed)));
                }
            }
        }
        assertThat(StrHash.of("")).isEqualTo(StrHash.INSTEAD_OF_ZERO);   // 0 in the field means "not computed"
    }
}
