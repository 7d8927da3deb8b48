"""round() at the low level: Python 3's, ties to even, equal to CPython's digit for digit.

round(x) of a float is an int; round(x, n) of a float is the float nearest the exact decimal
rounded at n places (so round(2.675, 2) is 2.67: the double is just below 2.675); round(i, n)
of an int is an int.
"""


def show_round_int(xs):
    for x in xs:
        print(x, round(x))


def show_round_digits(xs, n):
    for x in xs:
        print(x, n, round(x, n))


def entry_point(argv):
    show_round_int([0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999999999999996, 0.49999999999999994,
                    -3.7, 1e15 + 0.5, 4503599627370497.0, -0.0, 123456789.5])
    show_round_digits([2.675, 1.25, 1.35, -1.25, 0.125, 0.375, 1e-5, 123.456, -0.004], 2)
    show_round_digits([12345.678, 15.0, 25.0, -35.0, 5e22, 1.5e300], -1)
    show_round_digits([0.1, 2.5, -2.5, 1e300, 5e-324], 0)
    show_round_digits([1.0 / 3.0, 2.0 / 3.0, 1e-300], 300)
    show_round_digits([123456.0, -987654.321], -5)
    for i in [15, 25, -25, 149, 150, 151, -150, 1234567]:
        print(i, round(i), round(i, 1), round(i, -1), round(i, -2))
    print(round(True), round(7, -30))
    try:
        print(round(1.7976931348623157e308, -308))
    except OverflowError:
        print('OverflowError')
    inf = 1e308 * 10.0
    try:
        print(round(inf))
    except OverflowError:
        print('OverflowError')
    try:
        print(round(inf - inf))
    except ValueError:
        print('ValueError')
    print(round(inf, 2), round(-inf, -3))
    total = 0
    x = -10.0
    while x < 10.0:
        total = (total * 3 + round(x) + int(round(x, 1) * 10.0)) % 1000003
        x += 0.25
    print(total)
    return 0


# expect: 0.5 0
# expect: 1.5 2
# expect: 2.5 2
# expect: -0.5 0
# expect: -1.5 -2
# expect: -2.5 -2
# expect: 2.4999999999999996 2
# expect: 0.49999999999999994 0
# expect: -3.7 -4
# expect: 1000000000000000.5 1000000000000000
# expect: 4503599627370497.0 4503599627370497
# expect: -0.0 0
# expect: 123456789.5 123456790
# expect: 2.675 2 2.67
# expect: 1.25 2 1.25
# expect: 1.35 2 1.35
# expect: -1.25 2 -1.25
# expect: 0.125 2 0.12
# expect: 0.375 2 0.38
# expect: 1e-05 2 0.0
# expect: 123.456 2 123.46
# expect: -0.004 2 -0.0
# expect: 12345.678 -1 12350.0
# expect: 15.0 -1 20.0
# expect: 25.0 -1 20.0
# expect: -35.0 -1 -40.0
# expect: 5e+22 -1 5e+22
# expect: 1.5e+300 -1 1.5e+300
# expect: 0.1 0 0.0
# expect: 2.5 0 2.0
# expect: -2.5 0 -2.0
# expect: 1e+300 0 1e+300
# expect: 5e-324 0 0.0
# expect: 0.3333333333333333 300 0.3333333333333333
# expect: 0.6666666666666666 300 0.6666666666666666
# expect: 1e-300 300 1e-300
# expect: 123456.0 -5 100000.0
# expect: -987654.321 -5 -1000000.0
# expect: 15 15 15 20 0
# expect: 25 25 25 20 0
# expect: -25 -25 -25 -20 0
# expect: 149 149 149 150 100
# expect: 150 150 150 150 200
# expect: 151 151 151 150 200
# expect: -150 -150 -150 -150 -200
# expect: 1234567 1234567 1234567 1234570 1234600
# expect: 1 0
# expect: OverflowError
# expect: OverflowError
# expect: ValueError
# expect: inf -inf
# expect: 626643


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
