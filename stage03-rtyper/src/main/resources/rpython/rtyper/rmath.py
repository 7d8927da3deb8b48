"""The functions of ``math`` that a translated program computes exactly as CPython does.

CPython's ``math`` module calls the C library; a translated program has none.  What is here
is exact by construction: rounding to an integer, the sign bit, IEEE's square root (one
instruction, ``llop.float_sqrt``: ``sqrtsd`` on x86, correctly rounded), ``fmod`` (exact, in
``rfloat.py``), and the two conversions of angles, which CPython defines as one multiplication
by a constant; and ``hypot``, which CPython computes with its own algorithm, not the C
library's, followed here step for step; and ``factorial`` and ``gcd`` on machine ints.  The
transcendental functions (``exp``, ``log``, ``sin``, ``pow``, ...) are in
``rmath_elementary.py``: CPython's are glibc's, which are not correctly rounded (and differ
between CPUs), so those compute the correctly rounded result instead.  The checks and messages are CPython's ``math_1`` and ``math_2``: a result that is NaN from
arguments that are not is ``ValueError: math domain error``.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Float
from rpython.rtyper.lltypesystem.lloperation import llop
from rpython.rtyper.rfloat import ll_floor, ll_fmod, bits, double, NAN

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


TWO_52 = 4503599627370496.0               # from here on, every double is an integer
MAXINT = 9223372036854775807
MININT = -MAXINT - 1
TEN_18 = 1000000000000000000
HALF_TEN_19 = 5000000000000000000


def ll_round_half_even(x):
    """The integer nearest x, as a double, ties to even (Python 3's rounding); integers,
    infinities and NaN unchanged.  On |x| alone, since x - floor(x) is exact for x >= 0 (the
    two are within a factor of two, Sterbenz's lemma) but may round for a negative x."""
    a = x
    if a < 0.0:
        a = -a
    if not (a < TWO_52):
        return x                          # an integer already, an infinity or a NaN
    f = ll_floor(a)
    d = a - f
    if d > 0.5 or (d == 0.5 and llop.cast_float_to_int(Signed, f) & 1 == 1):
        f += 1.0
    if x < 0.0:
        return -f
    return f


def ll_round(x):
    """round(x) of a float: an int, ties to even; CPython's errors for NaN and infinities,
    OverflowError past a word (as int(x))."""
    return ll_float_to_int(ll_round_half_even(x))


def ll_int_round(x, ndigits):
    """round(x, ndigits) of an int: x for ndigits >= 0, else the nearest multiple of
    10**-ndigits, ties to even (CPython's long_round); OverflowError past a word."""
    if ndigits >= 0:
        return x
    if ndigits < -18:
        # 10**19 is past a word: x is nearer 0 than +-10**19 unless |x| > 5 * 10**18
        if ndigits == -19 and (x > HALF_TEN_19 or x < -HALF_TEN_19):
            raise OverflowError("rounded value too large for a machine word")
        return 0
    p = 1
    k = -ndigits
    while k > 0:
        p = p * 10
        k -= 1
    q = llop.int_floordiv(Signed, x, p)   # towards zero, then down: Python's floor division
    r = x - q * p
    if r < 0:
        q -= 1
        r += p
    if r * 2 > p or (r * 2 == p and q & 1 == 1):
        q += 1
    if q > llop.int_floordiv(Signed, MAXINT, p) or q < llop.int_floordiv(Signed, MININT, p):
        raise OverflowError("rounded value too large for a machine word")
    return q * p


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


# ---------------------------------------------------------------------------------------------
# hypot: CPython's own algorithm, not the C library's

DBL_MIN = 2.2250738585072014e-308         # 2**-1022, the smallest normal double
SPLITTER = 134217729.0                    # 2**27 + 1: Veltkamp's constant for 53-bit doubles


def ll_math_hypot(x, y):
    """math.hypot(x, y) as CPython 3.11 computes it (mathmodule.c's vector_norm), not glibc's.

    An infinity wins over a NaN (hypot(nan, inf) is inf); a zero is its own size.  Otherwise
    both coordinates are scaled by the power of two that brings the larger into [0.5, 1)
    (exact), and the sum of their squares is kept in several doubles so that no rounding
    error that matters is lost: each coordinate is split in two 26-bit halves (Veltkamp), so
    that its square is hi*hi + 2*hi*lo + lo*lo with each of those products exact; the two
    big ones go into a sum that starts at 1.0, so that every addition's error is the cheap
    "fast two-sum" (Dekker 1971; the compensated sum of Neumaier 1974), kept in frac1 and
    frac2, and lo*lo in frac3.  The square root h of that sum is then corrected once: the
    residual s - h*h, computed the same exact way, over 2h is Newton's step, which makes h
    the correctly rounded root in all but very rare cases (Borges, "An improved algorithm
    for hypot(a, b)", 2019).  Taking the same steps in the same order is what makes the
    result CPython's in those rare cases too (an exact tie between two doubles goes up, not
    to even).  Below 2**-1024 CPython does without the corrections: see hypot_below."""
    ax = x
    if ax < 0.0 or (ax == 0.0 and bits(ax) < 0):
        ax = -ax
    ay = y
    if ay < 0.0 or (ay == 0.0 and bits(ay) < 0):
        ay = -ay
    if ax == INF or ay == INF:
        return INF
    if ax != ax or ay != ay:
        return NAN
    big = ax
    if ay > big:
        big = ay
    if big == 0.0:
        return big
    e = frexp_exponent(big)
    if e < -1023:
        return hypot_below(ax, ay, big)
    scale = power_of_two(-e)
    s = add_square(add_square((1.0, 0.0, 0.0, 0.0), ax * scale, 1.0), ay * scale, 1.0)
    h = llop.float_sqrt(Float, square_sum(s))
    s = add_square(s, h, -1.0)
    return (h + square_sum(s) / (2.0 * h)) / scale


# A sum of squares is a tuple (csum, frac1, frac2, frac3): csum starts at 1.0; frac1 and
# frac2 hold the errors of adding the hi*hi and the 2*hi*lo parts to it, frac3 the lo*lo
# parts (and their errors when they are subtracted).

def add_square(s, v, sign):
    """The sum s plus sign * v*v: sign 1.0 for a coordinate, -1.0 for the root corrected."""
    csum, frac1, frac2, frac3 = s
    c = SPLITTER * v
    hi = c - (c - v)
    lo = v - hi
    t = sign * hi * hi
    old = csum
    csum = old + t
    frac1 += (old - csum) + t
    t = sign * 2.0 * hi * lo
    old = csum
    csum = old + t
    frac2 += (old - csum) + t
    if sign > 0.0:
        frac3 += lo * lo                  # a coordinate's lo*lo: tiny beside csum, added plainly
    else:
        t = -lo * lo
        old = csum
        csum = old + t
        frac3 += (old - csum) + t
    return (csum, frac1, frac2, frac3)


def square_sum(s):
    """The sum less the 1.0 it started from, rounded once."""
    csum, frac1, frac2, frac3 = s
    return csum - 1.0 + (frac1 + frac2 + frac3)


def hypot_below(ax, ay, big):
    """hypot when the larger coordinate is below 2**-1024, where CPython 3.11 cannot scale by
    2**-e (2**1025 is not a double): it divides by the larger coordinate, sums the squares
    with the compensation alone, and does without the correction step, so that its result
    there is sometimes one unit off the correctly rounded one; so is this one."""
    csum = 1.0
    frac = 0.0
    q = ax / big
    q = q * q
    s = csum + q
    frac += (csum - s) + q
    csum = s
    q = ay / big
    q = q * q
    s = csum + q
    frac += (csum - s) + q
    csum = s
    return big * llop.float_sqrt(Float, csum - 1.0 + frac)


def frexp_exponent(x):
    """The e of C's frexp(x) = f * 2**e, 0.5 <= f < 1, for a finite x > 0 (subnormals too)."""
    b = bits(x)
    biased = (b >> 52) & 0x7ff
    if biased != 0:
        return biased - 1022
    m = b & 0xfffffffffffff
    n = 0
    while m != 0:
        m >>= 1
        n += 1
    return n - 1074


def power_of_two(k):
    """2.0**k for -1074 <= k <= 1023, built from its bits (a subnormal below -1022)."""
    if k >= -1022:
        return double((k + 1023) << 52)
    return double(1 << (k + 1074))


# ---------------------------------------------------------------------------------------------
# The functions of math on ints

def ll_math_factorial(n):
    """math.factorial(n): a product of machine words, so up to 20! (21! is past 2**63, where
    CPython goes on with a big int and a translated program raises OverflowError)."""
    if n < 0:
        raise ValueError("factorial() not defined for negative values")
    if n > 20:
        raise OverflowError("factorial() result does not fit a machine word")
    r = 1
    while n > 1:
        r *= n
        n -= 1
    return r


def ll_math_gcd(a, b):
    """math.gcd(a, b): Euclid's algorithm on the absolute values (gcd(0, 0) is 0); only
    gcd(-2**63, 0) and gcd(-2**63, -2**63), which are 2**63, do not fit a word."""
    if a < 0:
        a = -a
    if b < 0:
        b = -b
    if b < 0:                                  # -(-2**63) is -2**63 again: keep it in a
        t = a
        a = b
        b = t
    if a < 0:
        if b <= 0:
            raise OverflowError("gcd() result does not fit a machine word")
        a = -llop.int_mod(Signed, a, b)        # C's remainder of -2**63 by b > 0 is in (-b, 0]
    while b != 0:
        t = llop.int_mod(Signed, a, b)        # both non-negative: C's remainder is Python's
        a = b
        b = t
    return a
