"""Machine words: ovfcheck catches overflow, intmask wraps, r_uint is unsigned."""
import sys

from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint, LONG_BIT


def checked_factorial(n):
    result = 1
    for i in range(2, n + 1):
        try:
            result = ovfcheck(result * i)
        except OverflowError:
            return -i
    return result


def hash_string(s):
    h = 5381
    for c in s:
        h = intmask(h * 33 + ord(c))
    return h


def entry_point(argv):
    print("LONG_BIT = %d" % LONG_BIT)
    print("20! = %d" % checked_factorial(20))
    print("21! overflows at %d" % -checked_factorial(21))
    big = sys.maxsize
    print("maxint = %d" % big)
    print("intmask(maxint + 1) = %d" % intmask(big + 1))
    try:
        ovfcheck(big + 1)
        print("no overflow?")
    except OverflowError:
        print("maxint + 1 overflows")
    print("hash = %d" % hash_string("the quick brown fox jumps over the lazy dog"))
    u = r_uint(0) - r_uint(1)
    print("r_uint(0) - 1 = %d" % u)
    print("its top bit is %d" % (u >> 63))
    v = r_uint(1) << 63
    print("2**63 as r_uint = %d, doubled = %d" % (v, v * r_uint(2)))
    print("intmask(r_uint max) = %d" % intmask(u))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: LONG_BIT = 64
# expect: 20! = 2432902008176640000
# expect: 21! overflows at 21
# expect: maxint = 9223372036854775807
# expect: intmask(maxint + 1) = -9223372036854775808
# expect: maxint + 1 overflows
# expect: hash = 1653687373046440190
# expect: r_uint(0) - 1 = 18446744073709551615
# expect: its top bit is 1
# expect: 2**63 as r_uint = 9223372036854775808, doubled = 0
# expect: intmask(r_uint max) = -1
