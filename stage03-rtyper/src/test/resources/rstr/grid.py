STRS = ["", "a", "ab", "abc", "ba", "hello world", "  x y  ", "aaa", "a,b,,c", "xyzzy", "Ab1", "12", "-3",
        "it's", 'q"', "both'\"", "\t\n\r\\", "\x01\x7f", "l", "lo"]
BOUNDS = [-10, -3, -1, 0, 1, 2, 5, 10]
STEPS = [1, 2, 3, -1, -2, -4]
INTS = [0, 1, -1, 7, 10, -10, 99, 100, 12345, -987654321, 9223372036854775807, -9223372036854775807 - 1]
LITERALS = ["0", "42", "-42", "+5", "  17  ", "\t-8\n", "1_000", "", " ", "-", "+", "12x", "x", "1__0", "_1",
            "9223372036854775807", "-9223372036854775808", "007"]


def pairs():
    for s in STRS:
        for t in STRS:
            print(repr(s), repr(t), repr(s + t), s == t, s != t, s < t, s <= t, s > t, s >= t, t in s)
            print(s.find(t), s.rfind(t), s.count(t), s.startswith(t), s.endswith(t), s.find(t, 1), s.rfind(t, 2),
                  s.count(t, 1, 3), s.startswith(t, 1), s.endswith(t, 0, 2), repr(s.replace(t, "<>")),
                  repr(s.strip(t)), repr(s.lstrip(t)), repr(s.rstrip(t)))


def singles():
    for s in STRS:
        print(repr(s), len(s), repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.upper()), repr(s.lower()),
              s.isdigit(), s.isalpha(), s.isspace(), s.isalnum(), "|".join(s.split()), "|".join(s.split(",")),
              "|".join(s.split("a")), repr(s * 3), repr(s * 0), repr(s * -1), "a" in s, "," in s)
        if len(s) >= 2:
            print("-".join([s[0], s[1]]), "".join([s[1], s[0], s[-1]]), ", ".join([s[-1]]))
        for a in BOUNDS:
            print(repr(s[a:]), repr(s[:a]), end=" ")
            for b in BOUNDS:
                print(repr(s[a:b]), end=" ")
            for k in STEPS:
                print(repr(s[a::k]), repr(s[:a:k]), repr(s[a:-a:k]), end=" ")
            print()
        for k in STEPS:
            print(repr(s[::k]), end=" ")
        print()


def numbers():
    for i in INTS:
        print(str(i), len(str(i)), "%d|%5d|%-5d|%s" % (i, i, i, i))
    for x in LITERALS:
        try:
            print(repr(x), int(x))
        except ValueError:
            print(repr(x), "ValueError")
    for c in range(256):
        print(ord(chr(c)), repr(chr(c)), end=" ")
    print()
    print(str(True), str(False), str("s"), str(chr(97)), "%s %r %s" % ("a", "b", True))


def entry_point(argv):
    pairs()
    singles()
    numbers()
    return 0
