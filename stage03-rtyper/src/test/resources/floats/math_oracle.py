"""The oracle of TranscendentalTest, run on CPython with mpmath.

argv[1] is the driver (math_driver.py); stdin holds the driver's arguments (the groups of
a function's name, a count and the calls' arguments), one per line.  For each call it prints two fields separated by a tab: CPython's
line (the driver's own output on CPython: the C library's result) and the line the
translated program must print, the correctly rounded result:

- an exception CPython raises, the same exception;
- for an infinite, NaN or zero argument, or an infinite or NaN result, CPython's value: these
  are C99's and CPython's definitions (atan2(-0.0, -1.0) is -pi), not roundings;
- a complex that CPython makes of a negative number to a fractional power, a ValueError
  (RPy has no complex numbers);
- otherwise the double nearest the exact value, from mpmath at 1,200 bits, rounded by hand
  below 2**-1022 (mpmath's float() would round twice there); math.log(x, base) is CPython's
  log(x) / log(base) of the two correctly rounded logarithms.
"""
import importlib.util
import math
import sys

import mpmath

mpmath.mp.prec = 1200

FUNCTIONS = {
    "exp": mpmath.exp, "expm1": mpmath.expm1, "log": mpmath.log, "log2": lambda x: mpmath.log(x, 2),
    "log10": mpmath.log10, "log1p": mpmath.log1p, "sin": mpmath.sin, "cos": mpmath.cos, "tan": mpmath.tan,
    "asin": mpmath.asin, "acos": mpmath.acos, "atan": mpmath.atan, "sinh": mpmath.sinh, "cosh": mpmath.cosh,
    "tanh": mpmath.tanh, "atan2": mpmath.atan2, "pow": mpmath.power, "power": mpmath.power,
}


def nearest(v):
    """The double nearest the real v, ties to even, subnormals included."""
    if abs(v) < mpmath.mpf(2) ** -1022:
        return float(mpmath.nint(v * mpmath.mpf(2) ** 1074)) * 2.0 ** -1074
    d = float(v)
    return d


def correctly_rounded(name, args):
    if name == "log_base":
        return nearest(mpmath.log(args[0])) / nearest(mpmath.log(args[1]))
    return nearest(FUNCTIONS[name](*[mpmath.mpf(a) for a in args]))


def main():
    spec = importlib.util.spec_from_file_location("driver", sys.argv[1])
    driver = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(driver)
    tokens = sys.stdin.read().split()
    i = 0
    while i < len(tokens):
        name = tokens[i]
        n = int(tokens[i + 1])
        i += 2
        two = driver.is_two(name)
        step = 2 if two else 1
        for _ in range(n):
            args = [driver.from_bits(int(v)) for v in tokens[i:i + step]]
            i += step
            print(name + "\t" + line(name, args, driver.show(name, args[0], args[-1], two)))


def line(name, args, cpython):
    x, y = args[0], args[-1]
    if cpython.endswith("j)") or name == "power" and x < 0.0 and math.isfinite(x) and math.isfinite(y) and y != int(y):
        expected = "ValueError"                          # a complex in Python 3 (or its OverflowError)
    elif not cpython[0] in "-0123456789" or cpython in ("inf", "-inf", "nan"):
        expected = cpython
    elif not all(math.isfinite(a) and a != 0.0 for a in args):
        expected = cpython
    else:
        v = correctly_rounded(name, args)
        if v == 0.0:
            v = math.copysign(0.0, float(cpython))      # the sign of an underflow is C99's
        expected = "OverflowError" if math.isinf(v) else repr(v)
    return cpython + "\t" + expected


main()
