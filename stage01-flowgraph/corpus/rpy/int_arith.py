"""Integer arithmetic: Python's floor division and modulo, also on negative operands."""


def show(a, b):
    print("%d // %d = %d, %d %% %d = %d" % (a, b, a // b, a, b, a % b))


def entry_point(argv):
    show(17, 5)
    show(-17, 5)
    show(17, -5)
    show(-17, -5)
    show(0, 3)
    x = 7
    x += 3
    x *= 4
    x -= 1
    x //= 3
    x %= 7
    print("x = %d" % x)
    print("%d %d %d" % (abs(-42), min(3, -8), max(3, -8)))
    print("%d" % (2 ** 10 + 3 * -4 - -6))
    print("%d" % (-7 // 2 * 2 + -7 % 2))
    total = 0
    for i in range(-10, 11, 3):
        total += i * i - i
    print("total = %d" % total)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 17 // 5 = 3, 17 % 5 = 2
# expect: -17 // 5 = -4, -17 % 5 = 3
# expect: 17 // -5 = -4, 17 % -5 = -3
# expect: -17 // -5 = 3, -17 % -5 = -2
# expect: 0 // 3 = 0, 0 % 3 = 0
# expect: x = 6
# expect: 42 -8 3
# expect: 1018
# expect: -7
# expect: total = 266
