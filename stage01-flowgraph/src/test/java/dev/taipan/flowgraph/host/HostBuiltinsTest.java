package dev.taipan.flowgraph.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in types and functions on one program each, with the output CPython 3.11 gives
 * (pasted from {@code python3}): list, dict, set, tuple, range methods; iteration builtins;
 * number semantics (floor division, rounding, big ints, float repr); bytes.
 */
class HostBuiltinsTest {
    @TempDir
    Path dir;

    @Test
    void containersNumbersAndBuiltinsMatchCPython() {
        HostRun r = HostRun.run(dir, """
                l = [5, 3, 8, 1]
                l.append(9); l.insert(0, 0); l.extend((7, 7)); l.remove(7)
                print(l, l.pop(), l.pop(0), l.index(8), l.count(3), l[::-1], l[1:3], l[-2:])
                l[1:3] = ["a", "b", "c"]; l[::2] = [0, 0, 0]
                print(l, sorted([3, 1, 2], reverse=True), sorted(["bb", "a", "ccc"], key=len))
                words = ["pear", "fig", "apple", "kiwi"]
                words.sort(key=lambda w: (len(w), w)); print(words, [1, 2] * 2, [1] + [2], [3, 4] < [3, 5])
                d = {"b": 2, "a": 1}
                d.setdefault("c", 3); d.update(x=10); d.update([("y", 11)])
                print(d, d.pop("x"), d.get("zz"), list(d.keys()), list(d.values())[:2], ("a", 1) in d.items(), len(d))
                print(dict(zip("ab", [1, 2])), dict.fromkeys("xy", 0), {**d, "a": 100}["a"], d.popitem(), "a" in d)
                s = {3, 1, 2}
                s.add(4); s.discard(10)
                print(sorted(s | {9}), sorted(s & {1, 2, 99}), sorted(s - {1}), sorted(s ^ {1, 50}), {1, 2} <= {1, 2, 3}, frozenset([1]) == {1})
                t = (1, 2, 3, 2)
                print(t.count(2), t.index(3), t + (4,), t[1:], len(t), tuple("ab"), (1, 2) < (1, 3), hash((1, 2)) == hash((1, 2)))
                print(list(range(10, 0, -3)), range(5)[-1], len(range(0, 100, 7)), 7 in range(0, 100, 7), list(reversed(range(3))))
                print(list(enumerate("ab", 1)), list(zip([1, 2, 3], "xy")), list(map(str, [1, 2])), list(filter(None, [0, 1, 2, ""])))
                print(min(3, 1, 2), max("abc", key=ord), min([], default="empty"), sum([0.5, 0.25]), any([0, 0]), all([]), abs(-7.5))
                print(divmod(-7, 2), -7 // 2, -7 % 2, 7 % -2, round(2.5), round(3.5), round(1.25, 1), pow(3, 4, 5), 2 ** -1)
                print(int("ff", 16), int("0b101", 0), int(-3.9), float("1e3"), hex(255), oct(8), bin(-5), ord("a"), chr(65), bool([]))
                print(2 ** 100, (2 ** 100) // 3 ** 20, -(2 ** 70) % 1000, 10 ** 20 + 1.0, 1 / 3, 0.1 + 0.2, 1e16, 1.5e-7, float("inf"))
                print(repr("it's"), str(b"ab"), b"xy"[0], b"a" + b"b", "é".encode(), b"hi".decode(), bytes([104, 105]), len(b"abc"))
                print(isinstance(True, int), type(1 == 1).__name__, True + True, 7 & 3, 7 | 8, 7 ^ 1, ~7, 1 << 65, -16 >> 2)
                it = iter([1, 2]); print(next(it), next(it), next(it, None))
                print(sorted({"b": 1, "a": 2}.items()), [x for x in "abc" if x != "b"], list({1: 2}), str(1.0), str(10 ** 16 * 1.0))
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                [5, 3, 8, 1, 9] 7 0 2 1 [9, 1, 8, 3, 5] [3, 8] [1, 9]
                [0, 'a', 0, 'c', 0, 9] [3, 2, 1] ['a', 'bb', 'ccc']
                ['fig', 'kiwi', 'pear', 'apple'] [1, 2, 1, 2] [1, 2] True
                {'b': 2, 'a': 1, 'c': 3, 'y': 11} 10 None ['b', 'a', 'c', 'y'] [2, 1] True 4
                {'a': 1, 'b': 2} {'x': 0, 'y': 0} 100 ('y', 11) True
                [1, 2, 3, 4, 9] [1, 2] [2, 3, 4] [2, 3, 4, 50] True True
                2 2 (1, 2, 3, 2, 4) (2, 3, 2) 4 ('a', 'b') True True
                [10, 7, 4, 1] 4 15 True [2, 1, 0]
                [(1, 'a'), (2, 'b')] [(1, 'x'), (2, 'y')] ['1', '2'] [1, 2]
                1 c empty 0.75 False True 7.5
                (-4, 1) -4 1 -1 2 4 1.2 1 0.5
                255 5 -3 1000.0 0xff 0o10 -0b101 97 A False
                1267650600228229401496703205376 363558641556578823726 576 1e+20 0.3333333333333333 0.30000000000000004 1e+16 1.5e-07 inf
                "it's" b'ab' 120 b'ab' b'\\xc3\\xa9' hi b'hi' 3
                True bool 2 3 15 6 -8 36893488147419103232 -4
                1 2 None
                [('a', 2), ('b', 1)] ['a', 'c'] [1] 1.0 1e+16
                """);
    }

    @Test
    void strMethods() {
        HostRun r = HostRun.run(dir, """
                s = "  Hello World  "
                print(s.strip(), s.lstrip(), s.rstrip() + "|", s.split(), "a,b,,c".split(","), "a b c".rsplit(" ", 1))
                print("abc".find("c"), "abc".find("z"), "abcabc".rfind("b"), "abcabc".count("bc"), "x".center(5, "*"))
                print("ab".ljust(4) + "|", "ab".rjust(4), "42".zfill(5), "-42".zfill(5), "aXb".lower(), "title me".title())
                print("abc".startswith(("x", "a")), "abc".endswith("bc"), "12".isdigit(), "ab".isalpha(), " ".isspace())
                print("a-b-c".replace("-", "+", 1), "k=v".partition("="), "line1\\nline2".splitlines(), "Ab".swapcase())
                print("%05.1f|%-4d|%+d|%x|%c|%(k)s" % (3.14159, 7, 5, 255, 65, {"k": "v"}) if False else "%05.1f|%-4d|%+d" % (3.14159, 7, 5))
                print("{0}{1}{0}".format("a", "b"), "{:>6.2f}".format(3.14159), "{x[0]}{y.real}".format(x=[9], y=2))
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                Hello World Hello World     Hello World| ['Hello', 'World'] ['a', 'b', '', 'c'] ['a b', 'c']
                2 -1 4 2 **x**
                ab  |   ab 00042 -0042 axb Title Me
                True True True True True
                a+b-c ('k', '=', 'v') ['line1', 'line2'] aB
                003.1|7   |+5
                aba   3.14 92
                """);
    }

    @Test
    void inputAndSysStdinReadTheSameStream() {
        HostRun r = HostRun.run(dir, """
                import sys
                name = input('who? ')
                print('hi', name)
                print(input(), sys.stdin.readline().strip(), [line.strip() for line in sys.stdin])
                try:
                    input()
                except EOFError as e:
                    print(e)
                """, java.util.Map.of(), java.util.List.of(), "Ada\nsecond\nthird\nfourth\nfifth\n");
        assertThat(r.out()).isEqualTo("who? hi Ada\nsecond third ['fourth', 'fifth']\nEOF when reading a line\n");
    }

    @Test
    void openReadsAndWritesTextFiles() {
        HostRun r = HostRun.run(dir, """
                with open("data.txt", "w") as f:
                    f.write("one\\ntwo\\n")
                    f.write("three\\n")
                with open("data.txt") as f:
                    print(f.readline().strip(), f.read().split())
                print([line.rstrip() for line in open("data.txt")], open("data.txt").readlines()[-1])
                try:
                    open("missing.txt")
                except FileNotFoundError as e:
                    print(type(e).__name__, e.errno, e)
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("one ['two', 'three']\n['one', 'two', 'three'] three\n\n"
                + "FileNotFoundError 2 [Errno 2] No such file or directory: 'missing.txt'\n");
    }

    @Test
    void execEvalCompileAndStrTupleFloatSubclasses() {
        HostRun r = HostRun.run(dir, """
                class S(str):
                    def shout(self): return self.upper() + "!"
                class T(tuple):
                    @property
                    def first(self): return self[0]
                class F(float):
                    def __repr__(self): return "F(%s)" % float.__repr__(self)
                s = S("hi")
                t = T([1, 2])
                f = F(2.5)
                print(s, s.shout(), len(s), s + "x", isinstance(s, str), type(s).__name__, s == "hi", {s: 1}["hi"])
                print(t, t.first, len(t), t + (3,), type(t).__name__, f, f + 1, float(f), repr(float(f)))
                ns = {}
                exec("x = 2\\ndef g(y):\\n    return x * y\\n", ns)
                print(ns["g"](21), eval("x + 1", ns), eval("[i * i for i in range(3)]"))
                code = compile("a + b", "<expr>", "eval")
                print(eval(code, {"a": 1, "b": 2}))
                src = "def add_%s(v):\\n    return v + %d\\n"
                g = {}
                for n in range(3):
                    exec(src % (n, n), g)
                print(g["add_2"](10), sorted(k for k in g if k.startswith("add")))
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                hi HI! 2 hix True S True 1
                (1, 2) 1 2 (1, 2, 3) T F(2.5) 3.5 2.5 2.5
                42 3 [0, 1, 4]
                3
                12 ['add_0', 'add_1', 'add_2']
                """);
    }

    @Test
    void formattingUnicodeAndNumberEdgesMatchCPython() {
        HostRun r = HostRun.run(dir, """
                print('{:>{w}}|{:^{w}.2f}|{!r:<8}|'.format('x', 3.14159, 'q', w=6), format(1234.5678, ",.2f"), format(255, "08b"))
                print('%(a)s %(b)05.1f %%' % {'a': [1], 'b': 2.25}, '%-5s|%5r|' % ('ab', 'c'), '%c%c' % ('x', 121))
                print(f"{3=}", f"{'a' * 3=}", f"{1/3:.3}", f"{-0.0}", f"{10**21:e}", f"{12345.678:_.1f}", f"{0:+}")
                fs = [lambda: i for i in range(3)]
                print([f() for f in fs], [(lambda i=i: i)() for i in range(3)])
                print(min([(2, 'b'), (1, 'z'), (1, 'a')]), max("apple", "pear", key=len), sorted([[3], [1, 2], [1]]))
                print(list(zip(range(3), "ab", [True] * 5)), list(enumerate([], 5)), dict(enumerate("ab", 1)))
                print("Straße".upper(), "ǅ".lower(), "ß".casefold(), "ﬁ".upper(), "é" == "e\\u0301")
                print(repr("\\x00\\x7f\\u200b\\U0001F600"), ascii("ñ€😀"), "tab\\there".expandtabs(), "a\\u2028b".splitlines())
                print(int("  42  "), int("-0x1F", 16), int("1_000"), float(" -1.5e3 "), float("nan") != float("nan"), float("-inf"))
                print(round(123.456, -1), round(-2.5), round(2.675, 2), round(1e300, -300), 7 // 0.5, 7 % 0.5, -7 % 3.0)
                print(1e23, 1.1 * 1.1, 3.0 * 1.1, 1/3 + 1/3, 100 * 1.1, 2 ** 0.5 * 2 ** 0.5, 0.1 ** 3, 123e-300 * 1e-20)
                print(divmod(2 ** 70, 7), (2 ** 70).bit_length(), (-2 ** 70) >> 3, (2 ** 64 - 1) & -(2 ** 8), (-1) ** 0.5 if False else 0)
                print(sorted({3: 'c', 1: 'a'}.items(), reverse=True), {1: 2} | {3: 4}, {**{'a': 1}}.keys() & {'a', 'b'})
                print(list(map(int, "123")), list(filter(str.isdigit, "a1b2")), sum(range(101)), any([]), all([0]))
                s = "hello world"
                print(s.title(), s.capitalize(), s.swapcase(), s.center(15, "-"), s.count("o"), s.index("w"), s.rindex("o"))
                print(s.partition(" "), s.rpartition("o"), s.split("o", 1), s.rsplit("o", 1), s[::3], s.find("zz"), s.zfill(13))
                print(" a b ".split(" "), "a,b,,".split(","), "".split(), "x".split("x"), "  ".strip() == "", "abc".removeprefix("a"))
                print(str(None), str(...), str(NotImplemented), repr(type), bool(0.0), bool("0"))
                try:
                    print(f"{'x':d}")
                except ValueError as e:
                    print("ValueError", e)
                try:
                    "{0} {}".format(1, 2)
                except ValueError as e:
                    print("ValueError", e)
                """);
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).isEqualTo("""
                     x| 3.14 |'q'     | 1,234.57 11111111
                [1] 002.2 % ab   |  'c'| xy
                3=3 'a' * 3='aaa' 0.333 -0.0 1.000000e+21 12_345.7 +0
                [2, 2, 2] [0, 1, 2]
                (1, 'a') apple [[1], [1, 2], [3]]
                [(0, 'a', True), (1, 'b', True)] [] {1: 'a', 2: 'b'}
                STRASSE ǆ ss FI False
                '\\x00\\x7f\\u200b😀' '\\xf1\\u20ac\\U0001f600' tab     here ['a', 'b']
                42 -31 1000 -1500.0 True -inf
                120.0 -2 2.67 1e+300 14.0 0.0 2.0
                1e+23 1.2100000000000002 3.3000000000000003 0.6666666666666666 110.00000000000001 2.0000000000000004 0.0010000000000000002 1.23e-318
                (168655945816773043346, 2) 71 -147573952589676412928 18446744073709551360 0
                [(3, 'c'), (1, 'a')] {1: 2, 3: 4} {'a'}
                [1, 2, 3] ['1', '2'] 5050 False False
                Hello World Hello world HELLO WORLD --hello world-- 2 6 7
                ('hello', ' ', 'world') ('hello w', 'o', 'rld') ['hell', ' world'] ['hello w', 'rld'] hlwl -1 00hello world
                ['', 'a', 'b', ''] ['a', 'b', '', ''] [] ['', ''] True bc
                None Ellipsis NotImplemented <class 'type'> False True
                ValueError Unknown format code 'd' for object of type 'str'
                ValueError cannot switch from manual field specification to automatic field numbering
                """);
    }
}
