"""The functions of ``math`` that a translated program computes exactly as CPython does.

CPython's ``math`` module calls the C library; a translated program has none.  What is here
is exact by construction: rounding to an integer, the sign bit, IEEE's square root (one
instruction, ``llop.float_sqrt``: ``sqrtsd`` on x86, correctly rounded), ``fmod`` (exact, in
``rfloat.py``), and the two conversions of angles, which CPython defines as one multiplication
by a constant.  The transcendental functions (``exp``, ``log``, ``sin``, ...) are not here:
the rtyper refuses them rather than give a result that may differ from CPython's in the last
bit.  The checks and messages are CPython's ``math_1`` and ``math_2``: a result that is NaN from
arguments that are not is ``ValueError: math domain error``.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Float
from rpython.rtyper.lltypesystem.lloperation import llop
from rpython.rtyper.rfloat import ll_floor, ll_fmod, bits, double

INF = float("inf")
TWO_63 = 9223372036854775808.0
PI = 3.141592653589793
DEG_TO_RAD = PI / 180.0                   # CPython's degToRad and radToDeg, computed the same way
RAD_TO_DEG = 180.0 / PI


def ll_float_to_int(x):
    """int(x): towards zero; CPython's errors for what no int is; OverflowError past a word."""
    if x != x:
        raise ValueError("cannot convert float NaN to integer")
    if x == INF or x == -INF:
        raise OverflowError("cannot convert float infinity to integer")
    if not (-TWO_63 <= x < TWO_63):
        raise OverflowError("int too large to convert to a machine word")
    return llop.cast_float_to_int(Signed, x)


def ll_math_floor(x):
    return ll_float_to_int(ll_floor(x))


def ll_math_ceil(x):
    return ll_float_to_int(-ll_floor(-x))


def ll_math_trunc(x):
    return ll_float_to_int(x)


def ll_math_sqrt(x):
    if x < 0.0:
        raise ValueError("math domain error")
    return llop.float_sqrt(Float, x)


def ll_math_isnan(x):
    return x != x


def ll_math_isinf(x):
    return x == INF or x == -INF


def ll_math_isfinite(x):
    return not (x != x or x == INF or x == -INF)


def ll_math_copysign(x, y):
    return double((bits(x) & 0x7fffffffffffffff) | (bits(y) & ~0x7fffffffffffffff))


def ll_math_fmod(x, y):
    if (y == INF or y == -INF) and not (x != x or x == INF or x == -INF):
        return x                          # fmod(x, +-inf) is x for a finite x
    r = ll_fmod(x, y)
    if r != r and x == x and y == y:
        raise ValueError("math domain error")
    return r


def ll_math_degrees(x):
    return x * RAD_TO_DEG


def ll_math_radians(x):
    return x * DEG_TO_RAD
