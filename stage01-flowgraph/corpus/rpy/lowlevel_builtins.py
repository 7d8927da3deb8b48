"""Builtins, unsigned words and str methods at the low level: bool(), min() and max() of
numbers (rbuiltin.py: one comparison rule per type), len() of a range (rrange.py, computed
in unsigned words so that the widest range fits), an r_uint printed as the unsigned number
it is (rformat.ll_uint2base), `in` on a constant str, and the str methods of rstr.py with
their corner cases: empty strings, nothing found, overlapping matches."""
from rpython.rlib.rarithmetic import r_uint, intmask


def truthy(n, s, xs):
    return "%s %s %s %s" % (bool(n), bool(s), bool(xs), bool())


def extremes(a, b, c):
    return "%d %d %d %d" % (max(a, b), min(a, b), max(a, b, c), min(c, b, a))


def vowels(word):
    n = 0
    for c in word:
        if c in "aeiou":
            n += 1
    return n


def unsigned(n):
    u = r_uint(n)
    print("%d %x %X %o %#x %#o [%5d] [%-5d] %s" % (u, u, u, u, u, u, u, u, str(u)))
    print("neg %d inv %d" % (-u, ~u))
    print("shr %d shl %d" % (u >> 60, u << 3))
    print("lt %s gt %s" % (u < r_uint(5), u > r_uint(5)))
    big = r_uint(1) << 63
    print("div %d mod %d" % (big // u, big % u))
    return intmask(u * u)


def lengths(n):
    out = []
    for start, stop, step in [(0, n, 1), (n, 0, -1), (0, n, 3), (3, 30, 4), (5, 5, 1), (5, 1, 1),
                              (-n, n, 7), (n, -n, -7), (0, -1, -1)]:
        out.append(len(range(start, stop, step)))
    out.append(len(range(n)))
    out.append(len(range(-n)))
    return out


def methods(s, t):
    print("%s %s %s %s" % (s.isupper(), s.islower(), t.isupper(), t.islower()))
    print("[%s][%s][%s][%s]" % (s.ljust(8), s.rjust(8, "."), s.ljust(1), "".rjust(3, "*")))
    print("%d %d %d" % (s.index("L"), t.index("o", 5), "aaaa".count("aa")))
    print("%d %d %d" % (t.rfind("o"), t.rfind("o", 0, 5), t.rfind("zz")))
    print(str(t.split(" ", 1)))
    print(str(t.split(None, 1)))
    print(str("  a  b c  ".split(None, 2)))
    print(str("a,b,,c".split(",", 0)))
    print(str("a,b,,c".split(",", 2)))
    print(str("x".split(",", 5)))
    print("%s %s" % (t.replace("o", "0", 1), "aaa".replace("a", "bb", 2)))
    print("[%s][%s]" % ("xxhixx".lstrip("x"), "xxhixx".rstrip("xi")))
    print("%s %s %s" % (t.endswith("world"), t.endswith("hello", 0, 5), t.startswith("o", 4)))
    try:
        s.index("zz")
    except ValueError:
        print("index: not found")
    print("%s %s %s %s" % ("" in t, "lo w" in t, "low" in t, "o" in t))
    print("%s %s" % ("".isupper(), "123".islower()))


def entry_point(argv):
    print(truthy(0, "", []), truthy(-3, "x", [0]))
    n = len(argv)
    print(hash(-n), hash(n - 2), hash(0x1FFFFFFFFFFFFFFF + n), hash(-0x7FFFFFFFFFFFFFFF - n), hash("ab"[n:]) == hash("b"))
    print(extremes(3, 7, 5), extremes(-1, -1, -2))
    print(max(2.5, 1.5), min(2.5, 1.5, -0.5), max(1, 2.5))
    print(max("a", "b"), min("q", "b", "z"))
    print(vowels("education"), vowels("rhythm"), "ea" in "bread", "ae" in "bread")
    c = chr(ord("r") + len(argv))   # "s", a char known only at run time
    print(c in ("x", "/", "s"), c in ["a", "b"])
    print(unsigned(3), unsigned(-1), abs(r_uint(n) + r_uint(6)))
    print(str(lengths(10)))
    print(len(range(0, 0x7FFFFFFFFFFFFFFF, 2)), len(range(-0x7FFFFFFFFFFFFFFF - 1, 0x7FFFFFFFFFFFFFFF, 3)))
    try:
        len(range(-0x7FFFFFFFFFFFFFFF - 1, 0x7FFFFFFFFFFFFFFF))
    except OverflowError:
        print("too long")
    methods("HELLO", "hello world")
    methods("AbL1", "go for it, no")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
# expect: False False False False True True True False
# expect: -2 -2 1 -4 True
# expect: 7 3 7 3 -1 -1 -1 -2
# expect: 2.5 -0.5 2.5
# expect: b b
# expect: 5 0 True False
# expect: True False
# expect: 3 3 3 3 0x3 0o3 [    3] [3    ] 3
# expect: neg 18446744073709551613 inv 18446744073709551612
# expect: shr 0 shl 24
# expect: lt True gt False
# expect: div 3074457345618258602 mod 2
# expect: 18446744073709551615 ffffffffffffffff FFFFFFFFFFFFFFFF 1777777777777777777777 0xffffffffffffffff 0o1777777777777777777777 [18446744073709551615] [18446744073709551615] 18446744073709551615
# expect: neg 1 inv 0
# expect: shr 15 shl 18446744073709551608
# expect: lt False gt True
# expect: div 0 mod 9223372036854775808
# expect: 9 1 7
# expect: [10, 10, 4, 7, 0, 0, 3, 3, 1, 10, 0]
# expect: 4611686018427387904 6148914691236517205
# expect: too long
# expect: True False False True
# expect: [HELLO   ][...HELLO][HELLO][***]
# expect: 2 7 2
# expect: 7 4 -1
# expect: ['hello', 'world']
# expect: ['hello', 'world']
# expect: ['a', 'b', 'c  ']
# expect: ['a,b,,c']
# expect: ['a', 'b', ',c']
# expect: ['x']
# expect: hell0 world bbbba
# expect: [hixx][xxh]
# expect: True True True
# expect: index: not found
# expect: True True False True
# expect: False False
# expect: False False False True
# expect: [AbL1    ][....AbL1][AbL1][***]
# expect: 2 12 2
# expect: 12 4 -1
# expect: ['go', 'for it, no']
# expect: ['go', 'for it, no']
# expect: ['a', 'b', 'c  ']
# expect: ['a,b,,c']
# expect: ['a', 'b', ',c']
# expect: ['x']
# expect: g0 for it, no bbbba
# expect: [hixx][xxh]
# expect: False False True
# expect: index: not found
# expect: True False False True
# expect: False False
