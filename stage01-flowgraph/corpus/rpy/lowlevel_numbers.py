"""Machine words at the low level: Python's division, shifts, unsigned words, floats, chars."""
from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint


def divisions(a, b):
    return a // b, a % b


def average(xs_total, n):
    try:
        return xs_total // n
    except ZeroDivisionError:
        return -1


def grow(x):
    steps = 0
    while True:
        try:
            x = ovfcheck(x * 3)
        except OverflowError:
            return steps
        steps += 1


def entry_point(argv):
    for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5)]:
        q, r = divisions(a, b)
        print(a, b, q, r)
    print(average(10, 3), average(10, 0))
    print(grow(1), grow(-5), ovfcheck(6 * 7))   # ovfcheck of what the flow space folded
    print(1 << 10, -1024 >> 3, 5 & 3, 5 | 3, 5 ^ 3, ~5)
    u = r_uint(0) - r_uint(1)
    print(u, u >> 60, intmask(u))
    print(7 / 2, 1.5 * 4, -2.5 + 0.25, 10 / 4 == 2.5)
    print(int(3.99), int(-3.99), float(7), abs(-12), abs(-0.5))
    c = "q"
    print(c, c == "q", c < "r", c > "z")
    flags = 0
    for i in range(5):
        if i % 2 == 0 and i != 4:
            flags += 1 << i
    print(flags, not flags, flags > 3 or flags < 0)
    # ** on ints: by squaring (the annotator proves the exponent is not negative)
    n = len(argv)
    x = n + 1
    x **= 5
    print(2 ** (n + 9), 3 ** 0, (-3) ** (n + 2), 7 ** (n * 20), 0 ** n, (-1) ** (n + 100), x, r_uint(3) ** (30 + n))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 7 2 3 1
# expect: -7 2 -4 1
# expect: 7 -2 -4 -1
# expect: -7 -2 3 -1
# expect: 0 5 0 0
# expect: 3 -1
# expect: 39 38 42
# expect: 1024 -128 1 7 6 -6
# expect: 18446744073709551615 15 -1
# expect: 3.5 6.0 -2.25 True
# expect: 3 -3 7.0 12 0.5
# expect: q True True False
# expect: 5 False True
# expect: 1024 1 -27 79792266297612001 0 -1 32 617673396283947
