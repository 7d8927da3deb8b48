"""Strings, lists, tuples and ranges at the low level: len, indexing from either end,
IndexError always checked, iteration, *args and keyword arguments."""


def total(*items):
    s = 0
    for x in items:
        s += x
    return s


def scale(x, factor=10, offset=1):
    return x * factor + offset


def pick(xs, i):
    try:
        return xs[i]
    except IndexError:
        return -1


def count_char(s, c):
    n = 0
    for ch in s:
        if ch == c:
            n += 1
    return n


def entry_point(argv):
    print(len(argv), argv[1], argv[-1], len(argv[2]))
    for i in range(1, len(argv)):
        arg = argv[i]
        print("arg", arg, len(arg), arg[0], arg[-1])
    xs = [3, 1, 4, 1, 5, 9, 2, 6]
    xs[0] = 30
    xs[-1] = 60
    print(len(xs), xs[0], xs[-1], pick(xs, 7), pick(xs, -8), pick(xs, 8), pick(xs, -9))
    best = xs[0]
    for x in xs:
        if x > best:
            best = x
    print(best)
    word = "mississippi"
    print("hello"[len(argv)], "xyz"[1 - len(argv)])   # a constant str indexed at run time
    print(count_char(word, "s"), count_char(word, "p"), word[4], word[-2])
    print(total(), total(1), total(1, 2, 3), scale(2), scale(2, 3), scale(2, offset=5), scale(x=1, factor=2, offset=0))
    pairs = [("a", 1), ("b", 2), ("c", 3)]
    for name, value in pairs:
        print(name, value * value, sep="=", end=";\n")
    acc = 0
    for i in range(10, 0, -3):
        acc = acc * 10 + i
    print(acc)
    point = (2, 3.5, "p")
    x, y, label = point
    print(label, x * y, len(point))
    empty = ""
    if not empty and word:
        print("empty is false, word is true")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# args: alpha beta
# expect: 3 alpha beta 4
# expect: arg alpha 5 a a
# expect: arg beta 4 b a
# expect: 8 30 60 60 30 -1 -1
# expect: 60
# expect: l y
# expect: 4 2 i p
# expect: 0 1 6 21 7 25 2
# expect: a=1;
# expect: b=4;
# expect: c=9;
# expect: 10741
# expect: p 7.0 3
# expect: empty is false, word is true
