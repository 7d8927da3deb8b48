"""Strings at the low level: each operation a helper written in RPy (rpython/rtyper/rstr.py)."""


def describe(s):
    return "[" + s + "]"


def entry_point(argv):
    name = argv[0][-3:]                      # "...py"
    s = "hello, " + "world"
    t = s * 2
    print(s, t, len(t), name)
    print(s == "hello, world", s != "hello", "abc" < "abd", "ab" < "abc", "b" >= "abc", "x" + s[0] + "y")
    print("lo" in s, "z" in s, "o" in s, s[2:5], s[-5:], s[:-7], s[3:1], s[-100:100])
    print(s.find("o"), s.find("o", 5), s.rfind("o"), s.find("zz"), s.count("l"), s.count(""))
    print(s.startswith("hell"), s.endswith("world"), s.startswith("world", 7), s.endswith("x"))
    print(describe("  pad \n".strip()), describe("xxhixx".strip("x")), describe("  l".lstrip()), describe("r  ".rstrip()))
    print(s.upper(), "MiXeD".lower(), "123".isdigit(), "12a".isdigit(), "abc".isalpha(), " \t".isspace(), "a1".isalnum())
    words = "the quick  brown fox".split()
    print(len(words), "-".join(words), ",".join("a,b,,c".split(",")))
    print(s.replace("l", "L"), "aaa".replace("a", "bb"), "abc".replace("", "-"))
    print(str(42) + str(-7) + str(0), str(True), str(False), str(-9223372036854775807 - 1))
    print(repr("it's"), repr('say "hi"'), repr("tab\there\n"), repr("\x01"), chr(65), ord("a"))
    print(int("  -123 "), int("+7") + 1, int("0"))
    try:
        int("12x")
    except ValueError:
        print("bad literal")
    n = 0
    acc = ""
    while n < 5:
        acc += str(n)
        n += 1
    print(acc, acc[1:], len(acc))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: hello, world hello, worldhello, world 24 .py
# expect: True True True True True xhy
# expect: True False True llo world hello  hello, world
# expect: 4 8 8 -1 3 13
# expect: True True True False
# expect: [pad] [hi] [l] [r]
# expect: HELLO, WORLD mixed True False True True True
# expect: 4 the-quick-brown-fox a,b,,c
# expect: heLLo, worLd bbbbbb -a-b-c-
# expect: 42-70 True False -9223372036854775808
# expect: "it's" 'say "hi"' 'tab\there\n' '\x01' A 97
# expect: -123 8 0
# expect: bad literal
# expect: 01234 1234 5
