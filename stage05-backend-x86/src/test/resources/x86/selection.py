"""Tiny checks of the selections that are easy to get wrong: division and modulo signs, the
MIN // -1 corner, division by constant powers of two, shifts, unsigned comparisons and division, chars, floats (NaN included),
overflow checks, and a call with more arguments than registers.  Every line is also what
CPython prints, so the expected output is Python's, not the backend's."""
import sys
from rpython.rlib.rarithmetic import r_uint, intmask, ovfcheck

MIN = -sys.maxsize - 1


def div_mod(a, b):
    print(a, "//", b, "=", a // b, " ", a, "%", b, "=", a % b)


def many(a, b, c, d, e, f, g, h, i):
    return a - b + c * 10 - d + e * 100 - f + g * 1000 - h + i * 10000


def fmany(a, b, c, d, e, f, g, h, i, j):
    return a + b * 2.0 + c * 3.0 + d * 4.0 + e * 5.0 + f * 6.0 + g * 7.0 + h * 8.0 + i * 9.0 + j * 10.0


def entry_point(argv):
    n = len(argv)          # 1: keeps the operands unknown to the constant folder
    for a in [7, -7]:
        for b in [2, -2]:
            div_mod(a * n, b * n)
    div_mod(MIN * n, 1 * n)
    # constant powers of two: shifts with a bias for negative dividends instead of idiv
    for x in [7 * n, -7 * n, -8 * n, MIN * n, sys.maxsize * n]:
        print(x // 2, x % 2, x // 8, x % 8, x // 2147483648, x % 2147483648, x // 4611686018427387904)
    print(intmask((MIN * n) // (-1 * n)), (MIN * n) % (-1 * n))
    x = -5 * n
    print(x << 3, x >> 1, (-1 * n) >> 63, (1 * n) << 62)
    print(intmask((1 * n) << 63))
    u = r_uint(3 * n)
    big = r_uint(-1 * n)
    print(big > u, u < big, big // u, big % u, big >> 60)
    print(u - r_uint(4 * n) > u)
    c = chr(200 + n)
    print(c > 'a', ord(c), 'b' < chr(98 + n))
    f = 1.5 * n
    nan = float("nan") * n
    print(f * 2.0, f / 4.0, -f, abs(-f), f < 2.0, f > 2.0)
    print(nan == nan, nan != nan, nan < f, nan >= f, int(-f * 3.0))
    print(many(1 * n, 2, 3, 4, 5, 6, 7, 8, 9))
    print(fmany(1.0 * n, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0))
    try:
        print(ovfcheck(sys.maxsize * n + 1))
    except OverflowError:
        print("overflow caught")
    try:
        print(ovfcheck((sys.maxsize // 2) * (3 * n)))
    except OverflowError:
        print("mul overflow caught")
    print(abs(-3 * n), intmask(abs(MIN * n)), ~(5 * n), intmask(-(MIN * n)))
    return 3 * n


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
