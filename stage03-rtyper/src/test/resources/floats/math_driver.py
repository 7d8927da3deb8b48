"""The driver of TranscendentalTest: one program, translated once, that calls one function of
math (or the float **) on many inputs.

The arguments are groups: a function's name, a count n, then n calls' arguments, doubles as
their 64 bits (signed ints), one per call, or two for the functions of two arguments (x, y in
that order; "power" is x ** y, "log_base" math.log(x, y)).  Each call prints one line: repr of
the result, or the name of the exception.  The same file runs on
CPython, whose lines are the C library's results; the test's oracle (math_oracle.py) adds the
correctly rounded ones.
"""
import math


def pow2(e):
    """2.0 ** e for -1074 <= e <= 1023, exactly (products of powers of two stay exact)."""
    p = 1.0
    b = 2.0
    if e < 0:
        b = 0.5
        e = -e
    while e > 0:
        if e & 1:
            p = p * b
        b = b * b
        e = e >> 1
    return p


def from_bits(b):
    biased = (b >> 52) & 0x7ff
    frac = b & ((1 << 52) - 1)
    if biased == 0x7ff:
        x = 1e308 * 10.0
        if frac != 0:
            x = x - x
    elif biased == 0:
        x = float(frac) * pow2(-1074)
    else:
        x = float(frac + (1 << 52)) * pow2(biased - 1075)
    if b < 0:
        x = -x
    return x


def call1(name, x):
    if name == "exp":
        return math.exp(x)
    if name == "expm1":
        return math.expm1(x)
    if name == "log":
        return math.log(x)
    if name == "log2":
        return math.log2(x)
    if name == "log10":
        return math.log10(x)
    if name == "log1p":
        return math.log1p(x)
    if name == "sin":
        return math.sin(x)
    if name == "cos":
        return math.cos(x)
    if name == "tan":
        return math.tan(x)
    if name == "asin":
        return math.asin(x)
    if name == "acos":
        return math.acos(x)
    if name == "atan":
        return math.atan(x)
    if name == "sinh":
        return math.sinh(x)
    if name == "cosh":
        return math.cosh(x)
    return math.tanh(x)


def call2(name, x, y):
    if name == "atan2":
        return math.atan2(x, y)
    if name == "pow":
        return math.pow(x, y)
    if name == "log_base":
        return math.log(x, y)
    return x ** y


def show(name, x, y, two):
    try:
        if two:
            return repr(call2(name, x, y))
        return repr(call1(name, x))
    except ValueError:
        return "ValueError"
    except OverflowError:
        return "OverflowError"
    except ZeroDivisionError:
        return "ZeroDivisionError"


def is_two(name):
    return name == "atan2" or name == "pow" or name == "log_base" or name == "power"


def entry_point(argv):
    i = 1
    while i < len(argv):
        name = argv[i]
        n = int(argv[i + 1])
        i += 2
        two = is_two(name)
        while n > 0:
            x = from_bits(int(argv[i]))
            y = 0.0
            if two:
                i += 1
                y = from_bits(int(argv[i]))
            print(show(name, x, y, two))
            i += 1
            n -= 1
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
