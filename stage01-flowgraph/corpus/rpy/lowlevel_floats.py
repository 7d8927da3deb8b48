"""Floats as text at the low level: repr and str (shortest round trip), print, float(s), the
% formats of floats, int(x) and the math functions translated, with their corner cases."""
import math


def show(x):
    return repr(x) + " " + str(-x)


def parse(s):
    try:
        return repr(float(s))
    except ValueError:
        return "ValueError"


def to_int(x):
    try:
        return str(int(x))
    except ValueError:
        return "ValueError"
    except OverflowError:
        return "OverflowError"


def root(x):
    try:
        return repr(math.sqrt(x))
    except ValueError:
        return "ValueError"


def entry_point(argv):
    tenth = float(len(argv)) / 10.0
    print(show(tenth), show(tenth * 3.0), show(1e16 * tenth * 10.0), show(tenth / 10000.0))
    print(show(123456789012345.0 * tenth * 10.0), show(9007199254740993.0 * (tenth * 10.0)), show(tenth - tenth))
    big = 1e308 * (tenth * 10.0)
    print(show(big * 10.0), show(big * 10.0 - big * 10.0), show(5e-324 * (tenth * 10.0)), show(big))
    print(1.5, -0.25, 1e-7, 1e22, 100.0, tenth)
    for s in ["3.14", "  -2.5e-3\t", "1_000.5", "+inf", "-Infinity", "nan", ".5", "5.", "1e400", "1e-400",
              "2.4703282292062328e-324", "0.1000000000000000055511151231257827", "1__0", "1e", "abc", ""]:
        print(s.strip() + " -> " + parse(s))
    x = tenth * 31.4159
    print("%f|%.0f|%.2f|%e|%.3E|%g|%G|%.10g" % (x, x, x, x, x, x, x * 1e-10, x))
    print("[%10.3f] [%-10.3f] [%+.1f] [% .2e] [%010.2f] [%#.0f] [%#g] [%.0e]" % (x, x, x, x, -x, x, x, x))
    print("%.0f %.0f %.0f %.1f %.2f" % (0.5, 1.5, 2.5, 0.25, 1.005))
    print("%f %e %g %F %5.1f" % (big * 10.0, -big * 10.0, big * 10.0 - big * 10.0, big * 10.0, -big * 10.0))
    print("%d %i %s %r %5d" % (x, -x, x, x, 2.9))
    print(to_int(-3.99), to_int(big * 10.0), to_int(big * 10.0 - big * 10.0), str(float(7)))
    print(root(2.0), root(-0.0), root(-1.0), math.floor(-x), math.ceil(x), math.trunc(-x), math.fabs(-x))
    print(math.isnan(big * 10.0 - big * 10.0), math.isinf(-big * 10.0), math.isfinite(x), math.copysign(x, -0.0))
    print(math.fmod(-x, 3.0), math.degrees(x), math.radians(180.0), math.floor(7), math.ceil(True))
    one = tenth * 10.0
    nan = big * 10.0 - big * 10.0
    print(math.hypot(3 * len(argv), 4), math.hypot(-x, -0.0 * one), math.hypot(nan, -big * 10.0), math.hypot(nan, one),
          math.hypot(big, big), math.hypot(big * 1.7, big * 1.7), math.hypot(5e-324 * one, 5e-324))
    # a hypotenuse exactly halfway between two doubles goes up, as CPython's does; below 2**-1024
    # CPython's result is one unit off the nearest, and so is this one
    print(math.hypot(6.235065289186415e+134 * one, 4.94746389573173e+134),
          math.hypot(2.06518243452297e-309 * one, 5.20237368358358e-309))
    return 0


# expect: 0.1 -0.1 0.30000000000000004 -0.30000000000000004 1e+16 -1e+16 1e-05 -1e-05
# expect: 123456789012345.0 -123456789012345.0 9007199254740992.0 -9007199254740992.0 0.0 -0.0
# expect: inf -inf nan nan 5e-324 -5e-324 1e+308 -1e+308
# expect: 1.5 -0.25 1e-07 1e+22 100.0 0.1
# expect: 3.14 -> 3.14
# expect: -2.5e-3 -> -0.0025
# expect: 1_000.5 -> 1000.5
# expect: +inf -> inf
# expect: -Infinity -> -inf
# expect: nan -> nan
# expect: .5 -> 0.5
# expect: 5. -> 5.0
# expect: 1e400 -> inf
# expect: 1e-400 -> 0.0
# expect: 2.4703282292062328e-324 -> 5e-324
# expect: 0.1000000000000000055511151231257827 -> 0.1
# expect: 1__0 -> ValueError
# expect: 1e -> ValueError
# expect: abc -> ValueError
# expect:  -> ValueError
# expect: 3.141590|3|3.14|3.141590e+00|3.142E+00|3.14159|3.14159E-10|3.14159
# expect: [     3.142] [3.142     ] [+3.1] [ 3.14e+00] [-000003.14] [3.] [3.14159] [3e+00]
# expect: 0 2 2 0.2 1.00
# expect: inf -inf nan INF  -inf
# expect: 3 -3 3.1415900000000003 3.1415900000000003     2
# expect: -3 OverflowError ValueError 7.0
# expect: 1.4142135623730951 -0.0 ValueError -4 4 -3 3.1415900000000003
# expect: True True True -3.1415900000000003
# expect: -0.14159000000000033 179.99984796050433 3.141592653589793 7 1
# expect: 5.0 3.1415900000000003 inf nan 1.4142135623730951e+308 inf 5e-324
# expect: 7.959487305096119e+134 5.597291347741796e-309

if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
