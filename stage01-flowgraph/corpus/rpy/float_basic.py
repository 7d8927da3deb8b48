"""Floating point arithmetic and str() of floats (shortest repr, as in Python 3)."""


def mean(xs):
    total = 0.0
    for x in xs:
        total += x
    return total / len(xs)


def sqrt(x):
    guess = x / 2.0
    for i in range(30):
        guess = (guess + x / guess) / 2.0
    return guess


def entry_point(argv):
    print(str(0.1 + 0.2))
    print(str(1.0 / 3.0))
    print(str(2.0 ** 0.5 * 2.0 ** 0.5))
    print(str(1e22) + " " + str(1e-7) + " " + str(123456789.0))
    print(str(-0.0) + " " + str(3.0) + " " + str(-2.5))
    print(str(7.0 // 2.0) + " " + str(-7.0 // 2.0) + " " + str(-7.0 % 2.0))
    print(str(mean([1.5, 2.5, 4.0])))
    print(str(sqrt(2.0)))
    print(str(float(7)) + " " + str(int(3.99)) + " " + str(int(-3.99)))
    print(str(1.5 < 2) + " " + str(2.0 == 2))
    x = 1.0
    n = 0
    while x + 1.0 != 1.0:
        x = x / 2.0
        n += 1
    print("epsilon reached after %d halvings: %s" % (n, str(x)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 0.30000000000000004
# expect: 0.3333333333333333
# expect: 2.0000000000000004
# expect: 1e+22 1e-07 123456789.0
# expect: -0.0 3.0 -2.5
# expect: 3.0 -4.0 1.0
# expect: 2.6666666666666665
# expect: 1.414213562373095
# expect: 7.0 3 -3
# expect: True True
# expect: epsilon reached after 53 halvings: 1.1102230246251565e-16
