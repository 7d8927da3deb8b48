"""The transcendental functions of ``math``, correctly rounded: exp, log, sin, atan, pow, ...

CPython takes them from the C library, whose results are not defined by anything but its
code (glibc's are within about half an ulp, not the nearest double, and differ between
CPUs).  A translated program has no C library, so it computes them itself, and computes the
one answer that the mathematics defines: the double nearest the exact value (the CORE-MATH
project's position, Sibidanov, Zimmermann & Glondu 2022).  Each function is an
approximation in the fixed-point numbers of ``rmath_mp.py`` with an error bound counted in
units of its last bit, settled by Ziv's test: when the bound is too wide to decide the
rounding, the approximation is made again with more bits (``PRECISIONS``).

The methods are the textbook ones (Muller, "Elementary Functions", 3rd ed. 2016; Brent &
Zimmermann, "Modern Computer Arithmetic" 2010, chapter 4):

- exp: x = k ln2 + r with |r| <= ln2/2, then exp(r) = exp(r / 2**s) ** (2**s): a short
  Taylor series and s squarings.  expm1, sinh, cosh and tanh are built on it, with enough
  bits that the cancellation near 0 loses nothing that counts.
- log: x = 2**e m with 1/sqrt(2) <= m < sqrt(2), log x = e ln2 + 2 atanh((m-1)/(m+1)),
  a series in s**2 <= 0.03.  log2 and log10 multiply by 1/ln2 and 1/ln10; log1p takes the
  exact integer 1 + x (x has finitely many bits) in the same way.
- sin, cos, tan: x = q pi/2 + r with |r| <= pi/4, the reduction done with 1,900 bits of 2/pi
  so that it is exact enough for every double, even 1e308 (Payne & Hanek, 1983, done with
  big integers); then the Taylor series of sin r and cos r.
- atan: t in [0, 1] (1/t beyond), t = j/8 + ..., atan t = atan(j/8) + atan(u) with
  u = (t - j/8)/(1 + t j/8), |u| <= 1/16 (Muller's table-driven reduction); asin, acos and
  atan2 go through it with the exact 1 - x*x and the exact quotient's exponent, so that a
  result far below 1 keeps its relative precision.
- pow: exp(y log x) with log x to as many more bits as y is large; an integer power of a
  double up to the 64th is computed exactly instead, since it can fall exactly halfway
  between two doubles (3.0 ** 34), where only the exact value says which way to round.

The constants (pi/2, 2/pi, ln2, 1/ln2, 1/ln10, atan(j/8)) are computed here at import time,
on the host, in Python's own big integers (Machin's formula for pi, atanh series for the
logarithms, Euler's series for the arctangents), and prebuilt into the image as lists of
30-bit limbs.  The special values and errors are CPython 3.11's (mathmodule.c's ``math_1``,
``math_2``, ``m_log``, ``m_atan2``, ``math_pow``; floatobject.c's ``float_pow``), checked
before any arithmetic.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Float
from rpython.rtyper.lltypesystem.lloperation import llop
from rpython.rtyper.rmath_mp import (mp_int, mp_add, mp_sub, mp_mul, mp_mul_int, mp_div_int, mp_shl, mp_shr,
                                     mp_shift, mp_neg, mp_abs, mp_bitlen, mp_to_int, mp_is_zero, mp_sign,
                                     mp_bit, mp_low_bits, mp_from_limbs, mp_round, mp_to_double, ziv,
                                     split_double, fx_from_double, fx_one, fx_mul, fx_recip,
                                     fx_div, fx_sqrt, bits, double, NAN, approx, int_shr)

INF = float("inf")
PI_D = 3.141592653589793                  # the doubles nearest pi, pi/2, pi/4, 3pi/4 (CPython's
PIO2_D = 1.5707963267948966               # m_atan2 computes its constants from Py_MATH_PI so)
TINY = 8.673617379884035e-19              # 2**-60: below it sin x, atan x, expm1 x ... round to x

# ---------------------------------------------------------------------------------------------
# The constants, computed at import time on the host with Python's big integers

CONST_FRAC = 1100                          # fraction bits of every constant but 2/pi
TWO_OVER_PI_FRAC = 1900                    # enough for x * 2/pi to 744 fraction bits, x < 2**1024
LIMB_BITS = 30


def _atan_inv(n, bits):
    """atan(1/n) * 2**bits, by its Taylor series (host only)."""
    x = (1 << bits) // n
    total = x
    k = 1
    while x:
        x = x // (n * n)
        term = x // (2 * k + 1)
        total = total - term if k % 2 else total + term
        k += 1
    return total


def _atanh_inv(n, bits):
    """atanh(1/n) * 2**bits (host only)."""
    x = (1 << bits) // n
    total = x
    k = 1
    while x:
        x = x // (n * n)
        total += x // (2 * k + 1)
        k += 1
    return total


def _atan_ratio(p, q, bits):
    """atan(p/q) * 2**bits by Euler's series, sum (2**2n (n!)**2 / (2n+1)!) x**(2n+1) /
    (1+x*x)**(n+1), whose ratio x*x/(1+x*x) is at most 1/2 for x <= 1 (host only)."""
    d = p * p + q * q
    term = ((p * q) << bits) // d
    total = term
    n = 1
    while term:
        term = term * 2 * n * p * p // ((2 * n + 1) * d)
        total += term
        n += 1
    return total


def _limbs(v, count):
    return [(v >> (LIMB_BITS * i)) & ((1 << LIMB_BITS) - 1) for i in range(count)]


def _constants():
    guard = 64
    b = TWO_OVER_PI_FRAC + guard
    pi = 16 * _atan_inv(5, b) - 4 * _atan_inv(239, b)                       # Machin, 1706
    two_over_pi = (1 << (2 * b + 1)) // pi >> guard
    c = CONST_FRAC + guard
    pi_c = pi >> (b - c)
    ln2 = 2 * _atanh_inv(3, c)                                               # ln 2 = 2 atanh(1/3)
    ln10 = 3 * ln2 + 2 * _atanh_inv(9, c)                                    # ln 10 = 3 ln 2 + ln(5/4)
    atans = [0] + [_atan_ratio(j, 8, c) for j in range(1, 8)] + [pi_c // 4]
    out = [pi_c // 2, ln2, (1 << (2 * c)) // ln2, (1 << (2 * c)) // ln10] + atans
    return two_over_pi, [v >> guard for v in out]


_TWO_OVER_PI, _CONSTS = _constants()
CONST_LIMBS = (CONST_FRAC + 4) // LIMB_BITS + 1
TWO_OVER_PI = _limbs(_TWO_OVER_PI, (TWO_OVER_PI_FRAC + 2) // LIMB_BITS + 1)
CONSTS = []
for _v in _CONSTS:
    CONSTS.extend(_limbs(_v, CONST_LIMBS))
C_PIO2 = 0
C_LN2 = 1
C_INV_LN2 = 2
C_INV_LN10 = 3
C_ATAN = 4                                 # atan(j/8) is constant C_ATAN + j, j = 0 .. 8


def const(index, f):
    """Constant ``index`` at the fixed point f (truncated: less than a unit low)."""
    return mp_from_limbs(CONSTS, index * CONST_LIMBS, CONST_LIMBS, CONST_FRAC, f)


def two_over_pi():
    return mp_from_limbs(TWO_OVER_PI, 0, len(TWO_OVER_PI), TWO_OVER_PI_FRAC, TWO_OVER_PI_FRAC)


# ---------------------------------------------------------------------------------------------
# Ziv's loop

def precision(level):
    """The bits asked of the approximation at each attempt: nearly every argument is decided
    by the first; about one in 2**25 needs the second (the worst cases known need ~120)."""
    if level == 0:
        return 80
    if level == 1:
        return 200
    return 600


LAST_LEVEL = 2


def settle(n, err, e, level):
    """The double of the approximation n * 2**e (within err units), or NaN to try again.  At
    the last level, which no function of one double needs, the nearest double to n."""
    r = ziv(n, err, e)
    if r != r and level == LAST_LEVEL:
        return mp_round(n, e)
    return r


def is_tiny(x):
    return -TINY < x < TINY


def floor_to_int(x):
    """floor(x) for |x| < 2**62, with no C library."""
    i = llop.cast_float_to_int(Signed, x)         # towards zero
    if float(i) > x:
        i -= 1
    return i


# ---------------------------------------------------------------------------------------------
# exp and its family

def exp_core(x, fx, xerr, f):
    """exp of the fixed-point x (at fx, within xerr units of it, |x| < 1500): an approximation
    n * 2**e of exp(x) / 2**k, e = -w, n * 2**-w in [0.7, 1.42], with k in its field k.

    x - k ln2 = r, |r| <= 0.35; exp(r) = exp(r / 2**s) ** (2**s): the Taylor series of a
    number below 2**-9, then s squarings, each doubling the relative error, which is why the
    work is done at w = f + s + 8 bits."""
    s = 8
    if f > 300:
        s = 16
    w = f + s + 8
    if fx <= w:
        xw = mp_shl(x, w - fx)
        e0 = xerr << (w - fx)
    else:
        xw = mp_shr(x, fx - w)
        e0 = (xerr >> (fx - w)) + 1
    k = floor_to_int(mp_to_double(xw, w) * 1.4426950408889634 + 0.5)
    r = mp_sub(xw, mp_shr(mp_mul_int(const(C_LN2, w + 12), k), 12))
    r = mp_shr(r, s)
    one = fx_one(w)
    total = one
    term = one
    n = 1
    while not mp_is_zero(term):
        term = mp_div_int(fx_mul(term, r, w), n)
        total = mp_add(total, term)
        n += 1
    i = 0
    while i < s:
        total = fx_mul(total, total, w)
        i += 1
    # r within (e0 + 2) / 2**s + 1 units, the series 2 a term; each squaring doubles the
    # relative error and adds a unit
    err = (((e0 + 2) >> s) + 1 + 2 * n + 8) << (s + 1)
    a = approx(total, err, -w)
    a.k = k
    return a


def exp_of_double(x, f):
    return exp_core(fx_from_double(x, f + 40), f + 40, 1, f)


def ll_math_exp(x):
    if x != x or x == INF:
        return x
    if x == -INF or x < -745.2:
        return 0.0                             # below 2**-1075: rounds to 0 (an underflow, not an error)
    if x > 709.8:
        raise OverflowError("math range error")
    if is_tiny(x):
        return 1.0
    level = 0
    while True:
        a = exp_of_double(x, precision(level) + 20)
        r = settle(a.n, a.err, a.e + a.k, level)
        if r == r:
            if r == INF:
                raise OverflowError("math range error")
            return r
        level += 1


def ll_math_expm1(x):
    if x != x or x == INF:
        return x
    if x < -40.0:
        return -1.0                            # -1 + e**x with e**x below half an ulp of 1
    if x > 709.8:
        raise OverflowError("math range error")
    if is_tiny(x):
        return x
    level = 0
    while True:
        a = exp_of_double(x, precision(level) + 70)
        n = a.n
        err = a.err
        w = -a.e
        k = a.k
        if k >= 0:
            if k <= w:
                n = mp_sub(n, mp_shl(mp_int(1), w - k))
            else:
                err += 1
            e = k - w
        else:
            n = mp_sub(mp_shr(n, -k), fx_one(w))
            err = int_shr(err, -k) + 2
            e = -w
        r = settle(n, err, e, level)
        if r == r:
            if r == INF:
                raise OverflowError("math range error")
            return r
        level += 1


def exp_pair(ax, f):
    """exp(ax) and exp(-ax) for ax > 0, over one scale: exp(ax) = n * 2**(e + k) and
    exp(-ax) = m * 2**(e + k), both within err units."""
    a = exp_of_double(ax, f)
    b = exp_of_double(-ax, f)
    d = a.k - b.k
    if d > -a.e + 4:
        a.m = mp_int(0)
        a.err += 1
    else:
        a.m = mp_shr(b.n, d)
        a.err += int_shr(b.err, d) + 1
    return a


def ll_math_sinh(x):
    if x != x or x == INF or x == -INF:
        return x
    if is_tiny(x):
        return x
    ax = abs(x)
    if ax > 711.0:
        raise OverflowError("math range error")
    level = 0
    while True:
        p = exp_pair(ax, precision(level) + 70)
        n = mp_sub(p.n, p.m)
        if x < 0.0:
            n = mp_neg(n)
        r = settle(n, p.err, p.e + p.k - 1, level)
        if r == r:
            if r == INF or r == -INF:
                raise OverflowError("math range error")
            return r
        level += 1


def ll_math_cosh(x):
    if x != x:
        return x
    if x == INF or x == -INF:
        return INF
    if is_tiny(x):
        return 1.0
    ax = abs(x)
    if ax > 711.0:
        raise OverflowError("math range error")
    level = 0
    while True:
        p = exp_pair(ax, precision(level) + 20)
        r = settle(mp_add(p.n, p.m), p.err, p.e + p.k - 1, level)
        if r == r:
            if r == INF:
                raise OverflowError("math range error")
            return r
        level += 1


def ll_math_tanh(x):
    if x != x:
        return x
    if x > 22.0:
        return 1.0                             # 1 - tanh x below 2**-60: rounds to 1
    if x < -22.0:
        return -1.0
    if is_tiny(x):
        return x
    ax = abs(x)
    level = 0
    while True:
        p = exp_pair(ax, precision(level) + 70)
        n = fx_div(mp_sub(p.n, p.m), mp_add(p.n, p.m), -p.e)      # the denominator is at least 0.7
        if x < 0.0:
            n = mp_neg(n)
        r = settle(n, 3 * p.err + 24, p.e, level)
        if r == r:
            return r
        level += 1


# ---------------------------------------------------------------------------------------------
# log and its family

def log_core(m, e, f):
    """log(m * 2**e) for an MP integer m > 0, at the fixed point f.

    m * 2**e = 2**E * y with 1/sqrt(2) <= y < sqrt(2); log y = 2 atanh(s), s = (y-1)/(y+1),
    |s| <= 0.172: the series s + s**3/3 + ... gains 5 bits a term."""
    b = mp_bitlen(m)
    y = mp_shift(m, f - (b - 1))              # in [1, 2): truncated, an error under a unit
    big_e = e + b - 1
    if mp_to_double(y, f) > 1.4142135623730951:
        y = mp_shr(y, 1)
        big_e += 1
    one = fx_one(f)
    s = fx_div(mp_sub(y, one), mp_add(y, one), f)
    s2 = fx_mul(s, s, f)
    total = s
    pw = s
    k = 1
    while not mp_is_zero(pw):
        pw = fx_mul(pw, s2, f)
        total = mp_add(total, mp_div_int(pw, 2 * k + 1))
        k += 1
    n = mp_add(mp_shl(total, 1), mp_shr(mp_mul_int(const(C_LN2, f + 12), big_e), 12))
    return approx(n, 64 + 8 * k, -f)


def log_of_positive(x, f):
    m, e = split_double(x)
    return log_core(mp_int(m), e, f)


def log_domain(x):
    """CPython's m_log before the C library: NaN and +inf are their own log; 0, negatives
    and -inf are 'math domain error' (log(0) is a singularity, and math_1 says so)."""
    if x != x or x == INF:
        return True
    if x <= 0.0:
        raise ValueError("math domain error")
    return False


def ll_math_log(x):
    if log_domain(x):
        return x
    if x == 1.0:
        return 0.0
    level = 0
    while True:
        a = log_of_positive(x, precision(level) + 70)
        r = settle(a.n, a.err, a.e, level)
        if r == r:
            return r
        level += 1


def log_scaled(x, index):
    """log(x) times the constant ``index`` (1/ln2 or 1/ln10), correctly rounded."""
    if log_domain(x):
        return x
    if x == 1.0:
        return 0.0
    level = 0
    while True:
        f = precision(level) + 70
        a = log_of_positive(x, f)
        n = mp_shr(mp_mul(a.n, const(index, f + 12)), f + 12)
        r = settle(n, 2 * a.err + 2, -f, level)
        if r == r:
            return r
        level += 1


def ll_math_log2(x):
    return log_scaled(x, C_INV_LN2)


def ll_math_log10(x):
    return log_scaled(x, C_INV_LN10)


def ll_math_log_base(x, base):
    """math.log(x, base) is CPython's log(x) / log(base), two rounded logs and a division
    (not the correctly rounded quotient), and a base of 1 divides by zero."""
    num = ll_math_log(x)
    den = ll_math_log(base)
    if den == 0.0:
        raise ZeroDivisionError("float division by zero")
    return num / den


def ll_math_log1p(x):
    if x != x or x == INF:
        return x
    if x <= -1.0:
        raise ValueError("math domain error")
    if is_tiny(x):
        return x
    m, e = split_double(x)
    if e >= 0:                                 # 1 + x exactly, an integer times 2**e
        y = mp_add(mp_shl(mp_int(m), e), mp_int(1 if x > 0.0 else -1))
        ey = 0
    else:
        y = mp_shl(mp_int(1), -e)
        if x > 0.0:
            y = mp_add(y, mp_int(m))
        else:
            y = mp_sub(y, mp_int(m))
        ey = e
    level = 0
    while True:
        f = precision(level) + 70
        a = log_core(y, ey, f)
        r = settle(a.n, a.err, a.e, level)
        if r == r:
            return r
        level += 1


# ---------------------------------------------------------------------------------------------
# sin, cos, tan

def reduce_quadrant(ax, f):
    """r with ax = q pi/2 + r, r at the fixed point f, |r| <= pi/4 plus a unit, within 2
    units, and q mod 4 in its field k.  x * 2/pi is computed to f + 64 fraction bits from the bits of
    2/pi: exact enough that even the r of the double closest to a multiple of pi/2
    (about 2**-61) keeps f - 61 significant bits."""
    if ax < 0.785:
        return approx(fx_from_double(ax, f), 2, -f)
    m, e = split_double(ax)
    g = f + 64
    z = mp_shift(mp_mul(mp_int(m), two_over_pi()), e - TWO_OVER_PI_FRAC + g)
    z = mp_add(z, mp_shl(mp_int(1), g - 1))          # round to the nearest multiple: + 1/2
    q = mp_bit(z, g) + 2 * mp_bit(z, g + 1)
    frac = mp_sub(mp_low_bits(z, g), mp_shl(mp_int(1), g - 1))
    a = approx(mp_shr(mp_mul(frac, const(C_PIO2, g)), 2 * g - f), 2, -f)
    a.k = q
    return a


def sin_cos_series(r, f):
    """sin r (in n) and cos r (in m) by their Taylor series, |r| <= pi/4 + a unit."""
    r2 = fx_mul(r, r, f)
    s = r
    term = r
    k = 1
    while not mp_is_zero(term):
        term = mp_neg(mp_div_int(fx_mul(term, r2, f), (2 * k) * (2 * k + 1)))
        s = mp_add(s, term)
        k += 1
    c = fx_one(f)
    term = c
    j = 1
    while not mp_is_zero(term):
        term = mp_neg(mp_div_int(fx_mul(term, r2, f), (2 * j - 1) * (2 * j)))
        c = mp_add(c, term)
        j += 1
    a = approx(s, 4 + 3 * (k + j), -f)
    a.m = c
    return a


def trig_domain(x):
    if x == INF or x == -INF:
        raise ValueError("math domain error")


def ll_math_sin(x):
    if x != x:
        return x
    trig_domain(x)
    if is_tiny(x):
        return x
    level = 0
    while True:
        f = precision(level) + 80
        red = reduce_quadrant(abs(x), f)
        q = red.k
        sc = sin_cos_series(red.n, f)
        s = sc.n
        c = sc.m
        err = sc.err
        n = s
        if q & 1:
            n = c
        if (q & 2 != 0) != (x < 0.0):
            n = mp_neg(n)
        v = settle(n, err, -f, level)
        if v == v:
            return v
        level += 1


def ll_math_cos(x):
    if x != x:
        return x
    trig_domain(x)
    if is_tiny(x):
        return 1.0
    level = 0
    while True:
        f = precision(level) + 80
        red = reduce_quadrant(abs(x), f)
        q = red.k
        sc = sin_cos_series(red.n, f)
        s = sc.n
        c = sc.m
        err = sc.err
        n = c
        if q & 1:
            n = s
        if q == 1 or q == 2:
            n = mp_neg(n)
        v = settle(n, err, -f, level)
        if v == v:
            return v
        level += 1


def ll_math_tan(x):
    if x != x:
        return x
    trig_domain(x)
    if is_tiny(x):
        return x
    level = 0
    while True:
        f = precision(level) + 80
        red = reduce_quadrant(abs(x), f)
        q = red.k
        sc = sin_cos_series(red.n, f)
        s = sc.n
        c = sc.m
        err = sc.err
        if q & 1 == 0:
            n = fx_div(s, c, f)                # cos r >= 0.7
            e = -f
            err = 3 * err + 24
        else:
            a = cot(s, c, err, f)
            n = a.n
            err = a.err
            e = a.e
        if x < 0.0:
            n = mp_neg(n)
        v = settle(n, err, e, level)
        if v == v:
            return v
        level += 1


def cot(s, c, err, f):
    """-cos r / sin r near a pole, where sin r may be as small as 2**-61: the quotient of c by
    s scaled into [1, 2), then kept to the bits that s's error leaves it (so that the error
    in units stays small)."""
    b = mp_bitlen(s)
    t = f - b + 1                              # s * 2**t is in [1, 2) at f
    q = fx_div(c, mp_shl(s, t), f)
    return approx(mp_neg(mp_shr(q, t)), 3 * err + 26, 2 * t - f)


# ---------------------------------------------------------------------------------------------
# atan, atan2, asin, acos

def atan_unit(t, err, f):
    """atan t for t in [0, 1] at the fixed point f (within err units).  Tang's
    reduction (Muller 6.2): c = j/8 nearest t, atan t = atan c + atan u with
    u = (t - c) / (1 + t c), |u| <= 1/16, so that u**2 < 2**-8 and the series gains 8 bits a
    term."""
    j = mp_to_int(mp_shr(mp_add(mp_mul_int(t, 8), mp_shl(mp_int(1), f - 1)), f))
    num = mp_sub(t, mp_shl(mp_int(j), f - 3))
    den = mp_add(fx_one(f), mp_shr(mp_mul_int(t, j), 3))
    u = fx_div(num, den, f)
    u2 = fx_mul(u, u, f)
    total = u
    pw = u
    k = 1
    while not mp_is_zero(pw):
        pw = mp_neg(fx_mul(pw, u2, f))
        total = mp_add(total, mp_div_int(pw, 2 * k + 1))
        k += 1
    return approx(mp_add(const(C_ATAN + j, f), total), err + 28 + 3 * k, -f)


def atan_small(q, s, f):
    """atan(q * 2**(s - f)) / 2**s for q in [1/2, 2) at f and s < -8: the series
    atan t = t (1 - t**2/3 + t**4/5 - ...) kept relative to t, so that a quotient as small as
    2**-2000 (atan2(1e-300, 1e300)) is still rounded from enough bits: atan t = n * 2**(s - f)."""
    u = mp_shr(mp_mul(q, q), f - 2 * s)
    a = fx_one(f)
    pw = a
    k = 1
    while not mp_is_zero(pw):
        pw = mp_neg(fx_mul(pw, u, f))
        a = mp_add(a, mp_div_int(pw, 2 * k + 1))
        k += 1
    return approx(fx_mul(q, a, f), 2 * (24 + 3 * k) + 2, s - f)


def atan_ratio(ny, nx, ey, ex, f):
    """atan(y / x) for y = ny * 2**ey, x = nx * 2**ex, ny and nx at f in [1, 2), y <= x:
    an approximation."""
    q = fx_div(ny, nx, f)
    s = ey - ex
    if s < -8:
        return atan_small(q, s, f)
    return atan_unit(mp_shift(q, s), 25, f)


def pio2_minus(a, f):
    """pi/2 - a at the fixed point f."""
    return approx(mp_sub(const(C_PIO2, f), mp_shift(a.n, a.e + f)), a.err + 2, -f)


def normalized(x, f):
    """|x| = n * 2**-f * 2**k with n * 2**-f in [1, 2), exactly."""
    m, e = split_double(x)
    b = 0
    v = m
    while v > 0:
        v = v >> 1
        b += 1
    a = approx(mp_shl(mp_int(m), f - (b - 1)), 0, -f)
    a.k = e + b - 1
    return a


def atan2_approx(y, x, f):
    """atan2(y, x) for finite y != 0 and x != 0."""
    ny = normalized(y, f)
    nx = normalized(x, f)
    if abs(y) <= abs(x):
        a = atan_ratio(ny.n, nx.n, ny.k, nx.k, f)
    else:
        a = pio2_minus(atan_ratio(nx.n, ny.n, nx.k, ny.k, f), f)
    if x < 0.0:                                # pi - the angle: two halves of pi
        a = approx(mp_sub(mp_shl(const(C_PIO2, f), 1), mp_shift(a.n, a.e + f)), a.err + 4, -f)
    if y < 0.0:
        a.n = mp_neg(a.n)
    return a


def ll_math_atan2(y, x):
    if x != x or y != y:
        return NAN
    if y == INF or y == -INF:
        if x == INF:
            return copysign(0.25 * PI_D, y)
        if x == -INF:
            return copysign(0.75 * PI_D, y)
        return copysign(0.5 * PI_D, y)
    if x == INF or x == -INF or y == 0.0:
        if bits(x) >= 0:
            return copysign(0.0, y)
        return copysign(PI_D, y)
    if x == 0.0:
        return copysign(PIO2_D, y)
    level = 0
    while True:
        f = precision(level) + 70
        a = atan2_approx(y, x, f)
        r = settle(a.n, a.err, a.e, level)
        if r == r:
            return r
        level += 1


def copysign(x, y):
    return double((bits(x) & 0x7fffffffffffffff) | (bits(y) & ~0x7fffffffffffffff))


def ll_math_atan(x):
    if x != x:
        return x
    if is_tiny(x):
        return x
    ax = abs(x)
    if ax >= 18446744073709551616.0:          # 2**64: pi/2 - 1/x rounds as pi/2 does
        return copysign(PIO2_D, x)
    level = 0
    while True:
        f = precision(level) + 70
        t = fx_from_double(ax, f)
        if ax <= 1.0:
            a = atan_unit(t, 1, f)
        else:
            a = pio2_minus(atan_unit(fx_recip(t, f), 5, f), f)
        if x < 0.0:
            a.n = mp_neg(a.n)
        r = settle(a.n, a.err, a.e, level)
        if r == r:
            return r
        level += 1


def asin_acos(x, f, acos):
    """asin x = atan2(x, sqrt(1 - x*x)), acos x = atan2(sqrt(1 - x*x), x), for |x| < 1, with
    1 - x*x exact (so that near 1, where the root is as small as 2**-26, nothing is lost)."""
    m, e = split_double(x)                     # e < 0: |x| < 1
    d = mp_sub(mp_shl(mp_int(1), -2 * e), mp_mul(mp_int(m), mp_int(m)))
    root = fx_sqrt(mp_shift(d, f + 2 * e), f)
    ax = fx_from_double(abs(x), f)
    if acos:
        num = root
        den = ax
    else:
        num = ax
        den = root
    if mp_cmp_abs(num, den) <= 0:
        a = atan_unit(fx_div(num, den, f), 40, f)
    else:
        a = pio2_minus(atan_unit(fx_div(den, num, f), 40, f), f)
    if acos and x < 0.0:
        a.n = mp_sub(mp_shl(const(C_PIO2, f), 1), a.n)
        a.err += 2
    if not acos and x < 0.0:
        a.n = mp_neg(a.n)
    return a


def mp_cmp_abs(a, b):
    return mp_sign(mp_sub(mp_abs(a), mp_abs(b)))


def ll_math_asin(x):
    if x != x:
        return x
    if x > 1.0 or x < -1.0:
        raise ValueError("math domain error")
    if x == 1.0 or x == -1.0:
        return copysign(PIO2_D, x)
    if is_tiny(x):
        return x
    level = 0
    while True:
        f = precision(level) + 70
        a = asin_acos(x, f, False)
        r = settle(a.n, a.err, a.e, level)
        if r == r:
            return r
        level += 1


def ll_math_acos(x):
    if x != x:
        return x
    if x > 1.0 or x < -1.0:
        raise ValueError("math domain error")
    if x == 1.0:
        return 0.0
    if x == -1.0:
        return PI_D
    if is_tiny(x):
        return PIO2_D
    level = 0
    while True:
        f = precision(level) + 70
        a = asin_acos(x, f, True)
        r = settle(a.n, a.err, a.e, level)
        if r == r:
            return r
        level += 1


# ---------------------------------------------------------------------------------------------
# pow

def is_integer(y):
    """Whether the finite y is an integer (every double from 2**52 on is)."""
    m, e = split_double(y)
    if e >= 0:
        return True
    if e <= -53:
        return m == 0
    return m & ((1 << -e) - 1) == 0


def is_odd_integer(y):
    m, e = split_double(y)
    if e > 0 or e <= -53:
        return False
    return (m >> -e) & 1 == 1 and is_integer(y)


def pow_positive(x, y):
    """x ** y for finite x > 0, x != 1, finite y != 0, correctly rounded; an infinity when it
    overflows (the callers raise their own error)."""
    my, ey = split_double(y)
    if is_integer(y) and 0.0 < y <= 64.0:
        mx, ex = split_double(x)               # exact: mx**y has at most 53 * 64 bits
        p = mp_int(1)
        i = 0
        n = llop.cast_float_to_int(Signed, y)
        base = mp_int(mx)
        while i < n:
            p = mp_mul(p, base)
            i += 1
        return mp_round(p, ex * n)
    # a first look, 60 bits: far beyond the range of doubles, no need for more
    t0 = mp_to_double(log_of_positive(x, 60).n, 60) * y
    if t0 > 710.0:
        return INF
    if t0 < -746.0:
        return 0.0
    # log x is at least 2**-54 away from 0, so |y| < 2**64 here; y log x to an absolute
    # 2**-(p + 20) needs log x to p + 20 + log2|y| bits
    extra = ey + 53
    if extra < 0:
        extra = 0
    level = 0
    while True:
        f = precision(level) + 40 + extra
        lg = log_of_positive(x, f)
        t = mp_shift(mp_mul(lg.n, mp_int(my)), ey)
        if y < 0.0:
            t = mp_neg(t)
        # back to p + 40 bits: |y| < 2**extra, so lerr units of log x are lerr units here
        a = exp_core(mp_shr(t, extra), f - extra, lg.err + 2, precision(level) + 20)
        r = settle(a.n, a.err, a.e + a.k, level)
        if r == r:
            return r
        level += 1


def ll_math_pow(x, y):
    """math.pow: mathmodule.c's math_pow, which sorts out the infinities and NaNs itself and
    turns the C library's NaN into 'math domain error', its overflow into 'math range error'
    and 0 ** negative into 'math domain error'."""
    if not (is_finite(x) and is_finite(y)):
        if x != x:
            return 1.0 if y == 0.0 else x
        if y != y:
            return 1.0 if x == 1.0 else y
        if x == INF or x == -INF:
            odd = is_finite(y) and is_odd_integer(y)
            if y > 0.0:
                return x if odd else abs(x)
            if y == 0.0:
                return 1.0
            return copysign(0.0, x) if odd else 0.0
        if abs(x) == 1.0:
            return 1.0
        if (y > 0.0) == (abs(x) > 1.0):
            return INF
        return 0.0
    if y == 0.0 or x == 1.0:
        return 1.0
    if x == 0.0:
        odd = is_odd_integer(y)
        if y < 0.0:
            raise ValueError("math domain error")
        return x if odd else 0.0
    negate = False
    if x < 0.0:
        if not is_integer(y):
            raise ValueError("math domain error")
        negate = is_odd_integer(y)
        x = -x
    if x == 1.0:
        r = 1.0
    else:
        r = pow_positive(x, y)
    if r == INF:
        raise OverflowError("math range error")
    if negate:
        return -r
    return r


def ll_float_pow(x, y):
    """x ** y on floats: floatobject.c's float_pow.  Python 3 makes a complex of a negative
    number to a fractional power, and RPy has no complex numbers: that is a ValueError here
    (with the message Python 2 gave), documented as the one deviation."""
    if y == 0.0:
        return 1.0
    if x != x:
        return x
    if y != y:
        return 1.0 if x == 1.0 else y
    if y == INF or y == -INF:
        ax = abs(x)
        if ax == 1.0:
            return 1.0
        if (y > 0.0) == (ax > 1.0):
            return INF
        return 0.0
    if x == INF or x == -INF:
        odd = is_odd_integer(y)
        if y > 0.0:
            return x if odd else abs(x)
        return copysign(0.0, x) if odd else 0.0
    if x == 0.0:
        odd = is_odd_integer(y)
        if y < 0.0:
            raise ZeroDivisionError("0.0 cannot be raised to a negative power")
        return x if odd else 0.0
    negate = False
    if x < 0.0:
        if not is_integer(y):
            raise ValueError("negative number cannot be raised to a fractional power")
        negate = is_odd_integer(y)
        x = -x
    if x == 1.0:
        return -1.0 if negate else 1.0
    r = pow_positive(x, y)
    if r == INF:
        raise OverflowError("(34, 'Numerical result out of range')")
    if negate:
        return -r
    return r


def is_finite(x):
    return not (x != x or x == INF or x == -INF)
