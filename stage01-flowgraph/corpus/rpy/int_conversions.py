"""Conversions between ints, strings and floats: int(), str(), float(), int(s, base),
and a hand-written itoa in any base."""

DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"


def to_base(n, base):
    if n == 0:
        return "0"
    sign = ""
    if n < 0:
        sign = "-"
        n = -n
    out = []
    while n > 0:
        out.append(DIGITS[n % base])
        n //= base
    out.reverse()
    return sign + "".join(out)


def entry_point(argv):
    print("%d %d %d" % (int("123"), int("-45"), int("  7  ")))
    print("%d %d %d" % (int("ff", 16), int("777", 8), int("101", 2)))
    print(str(12345) + str(-6) + str(0))
    for n in [255, -255, 0, 1 << 40]:
        print("%s %s %s" % (to_base(n, 2), to_base(n, 16), to_base(n, 36)))
    print("%s %s" % (str(float("2.5")), str(float("-1e3"))))
    print("%d %d" % (int(2.9), int(-2.9)))
    print(str(float(10) / 4))
    print("%d" % (int("12") + int(str(30))))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 123 -45 7
# expect: 255 511 5
# expect: 12345-60
# expect: 11111111 ff 73
# expect: -11111111 -ff -73
# expect: 0 0 0
# expect: 10000000000000000000000000000000000000000 10000000000 e13wu1og
# expect: 2.5 -1000.0
# expect: 2 -2
# expect: 2.5
# expect: 42
