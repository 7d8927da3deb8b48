"""The transcendental functions of math and the float ** at the low level: each one's special
values (signed zeros, infinities, NaN), its domain and range errors, exact cases (log(1),
log2 and log10 of powers, integer powers), arguments near 0 and near the overflow and
underflow thresholds, huge arguments of sin, the quadrants of atan2, math.log with a base,
and factorial and gcd on ints.  The translated program computes the correctly rounded
results; the inputs here are ones where CPython's C library gives them too."""
import math

INF = float("inf")
NAN = float("nan")


def one(name, x):
    try:
        if name == "exp":
            return repr(math.exp(x))
        if name == "expm1":
            return repr(math.expm1(x))
        if name == "log":
            return repr(math.log(x))
        if name == "log2":
            return repr(math.log2(x))
        if name == "log10":
            return repr(math.log10(x))
        if name == "log1p":
            return repr(math.log1p(x))
        if name == "sin":
            return repr(math.sin(x))
        if name == "cos":
            return repr(math.cos(x))
        if name == "tan":
            return repr(math.tan(x))
        if name == "asin":
            return repr(math.asin(x))
        if name == "acos":
            return repr(math.acos(x))
        if name == "atan":
            return repr(math.atan(x))
        if name == "sinh":
            return repr(math.sinh(x))
        if name == "cosh":
            return repr(math.cosh(x))
        return repr(math.tanh(x))
    except ValueError:
        return "ValueError"
    except OverflowError:
        return "OverflowError"


def two(name, x, y):
    try:
        if name == "atan2":
            return repr(math.atan2(x, y))
        if name == "pow":
            return repr(math.pow(x, y))
        if name == "log":
            return repr(math.log(x, y))
        return repr(x ** y)
    except ValueError:
        return "ValueError"
    except OverflowError:
        return "OverflowError"
    except ZeroDivisionError:
        return "ZeroDivisionError"


def row(name, values):
    out = []
    for x in values:
        out.append(one(name, x))
    print(name + ": " + " ".join(out))


def pairs(name, xs, ys):
    out = []
    for x in xs:
        for y in ys:
            out.append(two(name, x, y))
    print(name + ": " + " ".join(out))


def ints():
    out = []
    for n in [0, 1, 5, 20]:
        out.append(str(math.factorial(n)))
    try:
        math.factorial(-1 - len(out))
    except ValueError:
        out.append("ValueError")
    for a, b in [(12, 18), (-12, 18), (0, 0), (-5, 0), (7, 13), (1 << 40, 1 << 20)]:
        out.append(str(math.gcd(a, b)))
    print("ints: " + " ".join(out))


def entry_point(argv):
    specials = [0.0, -0.0, INF, -INF, NAN]
    for name in ["exp", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos", "atan",
                 "sinh", "cosh", "tanh"]:
        row(name, specials)
    row("exp", [1.0, -1.0, 709.0, 710.0, -745.0, -746.0, 1e-20, 0.5])
    row("expm1", [1e-10, -1e-10, 2.0, -50.0, 709.5, 710.0, 3.0])
    row("log", [1.0, 2.0, 0.5, 10.0, 1e300, 5e-324, -1.0, 1.0000000001])
    row("log2", [1.0, 2.0, 1024.0, 0.125, 5e-324, 6.0, -2.0])
    row("log10", [1.0, 10.0, 1000.0, 1e22, 1e-5, 2.0, -10.0])
    row("log1p", [1e-20, -0.5, -1.0, -2.0, 1.0, 1e300, 7.5])
    row("sin", [1e-10, 0.5, 1.0, 3.0, 100.0, 1e22, -2.0])
    row("cos", [1e-10, 0.5, 1.0, 3.0, 100.0, 1e22, -2.0])
    row("tan", [1e-10, 0.5, 1.0, 3.0, 100.0, 1e22, -2.0])
    row("asin", [1.0, -1.0, 0.5, 1e-10, 0.99, 1.5, -2.0])
    row("acos", [1.0, -1.0, 0.5, 1e-10, -0.99, 1.5, -2.0])
    row("atan", [1.0, -1.0, 0.5, 1e-10, 1e20, 2.0, -3.0])
    row("sinh", [1e-10, 1.0, -1.0, 710.2, 711.0, -720.0, 0.5])
    row("cosh", [1e-10, 2.0, -2.0, 710.2, 711.0, -720.0, 0.5])
    row("tanh", [1e-10, 0.5, -1.0, 20.0, 30.0, -30.0, 3.0])
    zeros = [0.0, -0.0]
    pairs("atan2", zeros, zeros + [1.0, -1.0])
    pairs("atan2", [1.0, -1.0, INF, -INF], [INF, -INF, 0.0, 2.0, -2.0])
    pairs("atan2", [1e-300], [1e10, -1e10])
    pairs("pow", [2.0, -2.0, 0.0, -0.0, 0.5, 1.0, -1.0], [0.0, 3.0, -3.0, 0.5, INF, -INF, NAN])
    pairs("pow", [10.0, 1.5, 2.0], [10.0, 22.0, -1074.0, -1075.0, 1024.0])
    pairs("pow", [INF, -INF, NAN], [3.0, -3.0, 2.0, 0.0])
    pairs("**", [2.0, -2.0, 0.0, -0.0, 1.0, -1.0], [0.0, 3.0, -3.0, INF, -INF])
    pairs("**", [2.0, 0.25], [0.5, -0.5])
    pairs("**", [7.0, 1.0000001], [2.0, 1e10, 2000.0])
    pairs("log", [8.0, 100.0, 1.0], [2.0, 10.0, 1.0])
    ints()
    x = 2.0
    n = 5
    print("mixed: " + repr(x ** n) + " " + repr(n ** 0.5) + " " + repr(math.exp(n)) + " " + repr(math.atan2(n, 1)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: exp: 1.0 1.0 inf 0.0 nan
# expect: expm1: 0.0 -0.0 inf -1.0 nan
# expect: log: ValueError ValueError inf ValueError nan
# expect: log2: ValueError ValueError inf ValueError nan
# expect: log10: ValueError ValueError inf ValueError nan
# expect: log1p: 0.0 -0.0 inf ValueError nan
# expect: sin: 0.0 -0.0 ValueError ValueError nan
# expect: cos: 1.0 1.0 ValueError ValueError nan
# expect: tan: 0.0 -0.0 ValueError ValueError nan
# expect: asin: 0.0 -0.0 ValueError ValueError nan
# expect: acos: 1.5707963267948966 1.5707963267948966 ValueError ValueError nan
# expect: atan: 0.0 -0.0 1.5707963267948966 -1.5707963267948966 nan
# expect: sinh: 0.0 -0.0 inf -inf nan
# expect: cosh: 1.0 1.0 inf inf nan
# expect: tanh: 0.0 -0.0 1.0 -1.0 nan
# expect: exp: 2.718281828459045 0.36787944117144233 8.218407461554972e+307 OverflowError 5e-324 0.0 1.0 1.6487212707001282
# expect: expm1: 1.00000000005e-10 -9.999999999500001e-11 6.38905609893065 -1.0 1.3549863193146328e+308 OverflowError 19.085536923187668
# expect: log: 0.0 0.6931471805599453 -0.6931471805599453 2.302585092994046 690.7755278982137 -744.4400719213812 ValueError 1.000000082690371e-10
# expect: log2: 0.0 1.0 10.0 -3.0 -1074.0 2.584962500721156 ValueError
# expect: log10: 0.0 1.0 3.0 22.0 -5.0 0.3010299956639812 ValueError
# expect: log1p: 1e-20 -0.6931471805599453 ValueError ValueError 0.6931471805599453 690.7755278982137 2.1400661634962708
# expect: sin: 1e-10 0.479425538604203 0.8414709848078965 0.1411200080598672 -0.5063656411097588 -0.8522008497671888 -0.9092974268256817
# expect: cos: 1.0 0.8775825618903728 0.5403023058681398 -0.9899924966004454 0.8623188722876839 0.523214785395139 -0.4161468365471424
# expect: tan: 1e-10 0.5463024898437905 1.5574077246549023 -0.1425465430742778 -0.5872139151569291 -1.6287782256068988 2.185039863261519
# expect: asin: 1.5707963267948966 -1.5707963267948966 0.5235987755982989 1e-10 1.4292568534704693 ValueError ValueError
# expect: acos: 0.0 3.141592653589793 1.0471975511965979 1.5707963266948965 3.000053180265366 ValueError ValueError
# expect: atan: 0.7853981633974483 -0.7853981633974483 0.4636476090008061 1e-10 1.5707963267948966 1.1071487177940904 -1.2490457723982544
# expect: sinh: 1e-10 1.1752011936438014 -1.1752011936438014 1.3643036845527107e+308 OverflowError OverflowError 0.5210953054937474
# expect: cosh: 1.0 3.7621956910836314 3.7621956910836314 1.3643036845527107e+308 OverflowError OverflowError 1.1276259652063807
# expect: tanh: 1e-10 0.46211715726000974 -0.7615941559557649 1.0 1.0 -1.0 0.9950547536867305
# expect: atan2: 0.0 3.141592653589793 0.0 3.141592653589793 -0.0 -3.141592653589793 -0.0 -3.141592653589793
# expect: atan2: 0.0 3.141592653589793 1.5707963267948966 0.4636476090008061 2.677945044588987 -0.0 -3.141592653589793 -1.5707963267948966 -0.4636476090008061 -2.677945044588987 0.7853981633974483 2.356194490192345 1.5707963267948966 1.5707963267948966 1.5707963267948966 -0.7853981633974483 -2.356194490192345 -1.5707963267948966 -1.5707963267948966 -1.5707963267948966
# expect: atan2: 1e-310 3.141592653589793
# expect: pow: 1.0 8.0 0.125 1.4142135623730951 inf 0.0 nan 1.0 -8.0 -0.125 ValueError inf 0.0 nan 1.0 0.0 ValueError 0.0 0.0 inf nan 1.0 -0.0 ValueError 0.0 0.0 inf nan 1.0 0.125 8.0 0.7071067811865476 0.0 inf nan 1.0 1.0 1.0 1.0 1.0 1.0 1.0 1.0 -1.0 -1.0 ValueError 1.0 1.0 nan
# expect: pow: 10000000000.0 1e+22 0.0 0.0 OverflowError 57.6650390625 7481.8276426792145 7.550709714021091e-190 5.03380647601406e-190 2.0770611040332967e+180 1024.0 4194304.0 5e-324 0.0 OverflowError
# expect: pow: inf 0.0 inf 1.0 -inf -0.0 inf 1.0 nan nan nan 1.0
# expect: **: 1.0 8.0 0.125 inf 0.0 1.0 -8.0 -0.125 inf 0.0 1.0 0.0 ZeroDivisionError 0.0 inf 1.0 -0.0 ZeroDivisionError 0.0 inf 1.0 1.0 1.0 1.0 1.0 1.0 -1.0 -1.0 1.0 1.0
# expect: **: 1.4142135623730951 0.7071067811865476 0.5 2.0
# expect: **: 49.0 OverflowError OverflowError 1.00000020000001 OverflowError 1.0002000199914483
# expect: log: 3.0 0.9030899869919434 ZeroDivisionError 6.643856189774725 2.0 ZeroDivisionError 0.0 0.0 ZeroDivisionError
# expect: ints: 1 1 120 2432902008176640000 ValueError 6 6 0 5 1 1048576
# expect: mixed: 32.0 2.23606797749979 148.4131591025766 1.373400766945016
