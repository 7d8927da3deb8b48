"""Shifts and bitwise operations on machine words."""


def popcount(n):
    count = 0
    while n:
        n &= n - 1
        count += 1
    return count


def reverse_bits8(b):
    r = 0
    for i in range(8):
        if b & (1 << i):
            r |= 1 << (7 - i)
    return r


def entry_point(argv):
    a = 0b1100
    b = 0b1010
    print("%d %d %d %d" % (a & b, a | b, a ^ b, ~a))
    print("%d %d" % (1 << 40, -1 << 3))
    print("%d %d %d" % (1000 >> 3, -1000 >> 3, -1 >> 10))
    print("%x %o" % (0xdeadbeef, 8 ** 4))
    for n in [0, 1, 255, 1023, 0x5555]:
        print("popcount(%d) = %d" % (n, popcount(n)))
    print("reverse_bits8(1) = %d, reverse_bits8(0xF0) = %d" % (reverse_bits8(1),
                                                              reverse_bits8(0xF0)))
    mask = (1 << 16) - 1
    print("%d" % ((0x123456789 >> 8) & mask))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 8 14 6 -13
# expect: 1099511627776 -8
# expect: 125 -125 -1
# expect: deadbeef 10000
# expect: popcount(0) = 0
# expect: popcount(1) = 1
# expect: popcount(255) = 8
# expect: popcount(1023) = 10
# expect: popcount(21845) = 8
# expect: reverse_bits8(1) = 128, reverse_bits8(0xF0) = 15
# expect: 17767
