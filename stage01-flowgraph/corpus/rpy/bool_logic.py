"""Booleans: and/or short-circuit (with side effects), not, chained comparisons,
conditional expressions, truthiness of ints, strings and lists."""

CALLS = [0]


def check(label, result):
    CALLS[0] += 1            # mutating a global list is fine; rebinding the global is not
    print("  evaluated " + label)
    return result


def describe(n):
    return "negative" if n < 0 else ("zero" if n == 0 else "positive")


def entry_point(argv):
    print("and: " + str(check("a", False) and check("b", True)))
    print("or: " + str(check("c", True) or check("d", False)))
    print("both: " + str(check("e", True) and check("f", True)))
    print("calls %d" % CALLS[0])
    for x in [-5, 0, 5, 15]:
        print("%d: %s %s %s" % (x, str(0 < x < 10), str(not x), describe(x)))
    empty = []
    full = [1]
    print("%s %s %s %s" % (str(bool(empty)), str(bool(full)), str(bool("")), str(bool("x"))))
    if not empty and full:
        print("empty is falsy, full is truthy")
    a = 3
    b = 7
    print("%d %d" % (max(a, b) if a != b else 0, a if a > b else b))
    print(str(1 == 1.0) + " " + str(True == 1) + " " + str(True + True))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect:   evaluated a
# expect: and: False
# expect:   evaluated c
# expect: or: True
# expect:   evaluated e
# expect:   evaluated f
# expect: both: True
# expect: calls 4
# expect: -5: False False negative
# expect: 0: False True zero
# expect: 5: True False positive
# expect: 15: False False positive
# expect: False True False True
# expect: empty is falsy, full is truthy
# expect: 7 7
# expect: True True 2
