"""Multi-precision fixed-point numbers, and rounding them correctly to a double (Ziv's test).

The transcendental functions of ``rmath_elementary.py`` are computed the way CORE-MATH and
MPFR compute them: an approximation with a *known* error bound, then Ziv's rounding test
(Ziv, "Fast evaluation of elementary mathematical functions with correctly rounded last
bit", ACM TOMS 1991): if both ends of the interval ``[approx - err, approx + err]`` round to
the same double, so does the exact value, which lies between them, and that double is the
answer; otherwise the approximation is computed again with more bits.  Rounding is monotonic,
so the test is exact; the only question left is how many bits a hard case needs, and for the
functions of one double argument Lefevre and Muller's searches of the worst cases ("Worst
cases for correct rounding of the elementary functions in double precision", 2001) show that
about 120 bits always decide (a value of exp, log, sin ... of a double other than the trivial
ones is never exactly halfway between two doubles: Lindemann's theorem).

A number here is a signed big integer ``N`` read as ``N * 2**-F``, the fixed point ``F``
chosen by the caller; an ``MP`` holds ``N``: a sign and 30-bit limbs, least significant
first, in ``Signed`` words, so that a limb times a limb plus two carries stays below 2**62 and
the schoolbook product (Knuth, TAOCP vol. 2, 4.3.1) needs no unsigned arithmetic (this is why
it is not ``rbigint.py``'s 32-bit ``BIG``, whose products would overflow a word).  Every
operation returns a new ``MP``; a truncation (``mp_shr``, ``fx_mul``, ``mp_div_int``) rounds
the magnitude down, an error of less than one unit that the callers count.  Division and
square root are Newton's iterations on top of multiplication (Brent & Zimmermann, "Modern
Computer Arithmetic", 2010, 4.2), started from a double.

``mp_round`` rounds ``N * 2**e`` to the nearest double, ties to even, subnormals and overflow
to infinity included: the one place where a result becomes a double.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Float, GcStruct, Array, Ptr, malloc, nullptr
from rpython.rtyper.lltypesystem.lloperation import llop

MP = GcStruct('MP', ('sign', Signed), ('size', Signed), ('d', Array(Signed)))
# An approximation: the value n * 2**e within err units of 2**e; k is a small integer that
# comes with it (the power of two of exp's argument reduction, the quadrant of sin's), and m
# a second value on the same scale when two are computed together (sin and cos).
APPROX = GcStruct('APPROX', ('n', Ptr(MP)), ('m', Ptr(MP)), ('err', Signed), ('e', Signed), ('k', Signed))
LIMB = 30
MASK = (1 << LIMB) - 1
NAN = float("nan")
SIGN_BIT = -0x7fffffffffffffff - 1


def bits(x):
    return llop.convert_float_bytes_to_longlong(Signed, x)


def double(b):
    return llop.convert_longlong_bytes_to_float(Float, b)


def approx(n, err, e):
    a = malloc(APPROX)
    a.n = n
    a.m = nullptr(MP)
    a.err = err
    a.e = e
    a.k = 0
    return a


def int_shr(v, n):
    """v >> n for an int v >= 0 and any n >= 0 (a machine shift takes counts below 64)."""
    if n >= 63:
        return 0
    return v >> n


def mp_alloc(n):
    r = malloc(MP, n)
    r.sign = 1
    r.size = 0
    return r


def mp_trim(r):
    n = r.size
    while n > 0 and r.d[n - 1] == 0:
        n -= 1
    r.size = n
    return r


def mp_int(v):
    """An MP of the int v (any sign; -2**63 excluded)."""
    r = mp_alloc(3)
    if v < 0:
        r.sign = -1
        v = -v
    n = 0
    while v > 0:
        r.d[n] = v & MASK
        v = v >> LIMB
        n += 1
    r.size = n
    return r


def mp_is_zero(a):
    return a.size == 0


def mp_sign(a):
    """-1, 0 or 1."""
    if a.size == 0:
        return 0
    return a.sign


def mp_bitlen(a):
    if a.size == 0:
        return 0
    top = a.d[a.size - 1]
    n = 0
    while top > 0:
        top = top >> 1
        n += 1
    return (a.size - 1) * LIMB + n


def mp_to_int(a):
    """The value of a, which must fit a word."""
    v = 0
    i = a.size - 1
    while i >= 0:
        v = (v << LIMB) | a.d[i]
        i -= 1
    if a.sign < 0:
        return -v
    return v


def mp_with_sign(a, sign):
    r = mp_alloc(a.size)
    i = 0
    while i < a.size:
        r.d[i] = a.d[i]
        i += 1
    r.size = a.size
    r.sign = sign
    return r


def mp_neg(a):
    return mp_with_sign(a, -a.sign)


def mp_abs(a):
    return mp_with_sign(a, 1)


def mag_cmp(a, b):
    """-1, 0 or 1 as |a| < |b|, |a| == |b|, |a| > |b|."""
    if a.size != b.size:
        if a.size < b.size:
            return -1
        return 1
    i = a.size - 1
    while i >= 0:
        if a.d[i] != b.d[i]:
            if a.d[i] < b.d[i]:
                return -1
            return 1
        i -= 1
    return 0


def mag_add(a, b, sign):
    n = a.size
    if b.size > n:
        n = b.size
    r = mp_alloc(n + 1)
    carry = 0
    i = 0
    while i < n:
        t = carry
        if i < a.size:
            t += a.d[i]
        if i < b.size:
            t += b.d[i]
        r.d[i] = t & MASK
        carry = t >> LIMB
        i += 1
    r.d[n] = carry
    r.size = n + 1
    r.sign = sign
    return mp_trim(r)


def mag_sub(a, b, sign):
    """|a| - |b| with the given sign, for |a| >= |b|."""
    r = mp_alloc(a.size)
    borrow = 0
    i = 0
    while i < a.size:
        t = a.d[i] - borrow
        if i < b.size:
            t -= b.d[i]
        if t < 0:
            t += MASK + 1
            borrow = 1
        else:
            borrow = 0
        r.d[i] = t
        i += 1
    r.size = a.size
    r.sign = sign
    return mp_trim(r)


def mp_add(a, b):
    if a.sign == b.sign:
        return mag_add(a, b, a.sign)
    if mag_cmp(a, b) >= 0:
        return mag_sub(a, b, a.sign)
    return mag_sub(b, a, b.sign)


def mp_sub(a, b):
    if a.sign != b.sign:
        return mag_add(a, b, a.sign)
    if mag_cmp(a, b) >= 0:
        return mag_sub(a, b, a.sign)
    return mag_sub(b, a, -a.sign)


def mp_mul(a, b):
    """The exact product, by the schoolbook method."""
    n = a.size + b.size
    r = mp_alloc(n)
    i = 0
    while i < n:
        r.d[i] = 0
        i += 1
    i = 0
    while i < a.size:
        ai = a.d[i]
        carry = 0
        j = 0
        while j < b.size:
            t = r.d[i + j] + ai * b.d[j] + carry
            r.d[i + j] = t & MASK
            carry = t >> LIMB
            j += 1
        r.d[i + b.size] = carry
        i += 1
    r.size = n
    r.sign = a.sign * b.sign
    return mp_trim(r)


def mp_mul_int(a, m):
    """a * m, for |m| < 2**31."""
    sign = a.sign
    if m < 0:
        sign = -sign
        m = -m
    r = mp_alloc(a.size + 2)
    carry = 0
    i = 0
    while i < a.size:
        t = a.d[i] * m + carry
        r.d[i] = t & MASK
        carry = t >> LIMB
        i += 1
    n = a.size
    while carry > 0:
        r.d[n] = carry & MASK
        carry = carry >> LIMB
        n += 1
    r.size = n
    r.sign = sign
    return mp_trim(r)


def mp_div_int(a, m):
    """a / m truncated towards zero, for 0 < m < 2**31."""
    r = mp_alloc(a.size)
    rem = 0
    i = a.size - 1
    while i >= 0:
        cur = (rem << LIMB) | a.d[i]
        q = llop.int_floordiv(Signed, cur, m)     # both non-negative: C's division is Python's
        rem = cur - q * m
        r.d[i] = q
        i -= 1
    r.size = a.size
    r.sign = a.sign
    return mp_trim(r)


def mp_shl(a, n):
    """a * 2**n, n >= 0."""
    words = n // LIMB
    sh = n % LIMB
    r = mp_alloc(a.size + words + 1)
    i = 0
    while i < words:
        r.d[i] = 0
        i += 1
    carry = 0
    i = 0
    while i < a.size:
        v = (a.d[i] << sh) | carry
        r.d[i + words] = v & MASK
        carry = v >> LIMB
        i += 1
    r.d[a.size + words] = carry
    r.size = a.size + words + 1
    r.sign = a.sign
    return mp_trim(r)


def mp_shr(a, n):
    """a / 2**n, n >= 0, the magnitude truncated."""
    words = n // LIMB
    sh = n % LIMB
    size = a.size - words
    if size <= 0:
        return mp_alloc(0)
    r = mp_alloc(size)
    i = 0
    while i < size:
        v = a.d[i + words] >> sh
        if i + words + 1 < a.size:
            v = v | ((a.d[i + words + 1] << (LIMB - sh)) & MASK)
        r.d[i] = v
        i += 1
    r.size = size
    r.sign = a.sign
    return mp_trim(r)


def mp_shift(a, n):
    """a * 2**n for n of either sign (truncated when n < 0)."""
    if n >= 0:
        return mp_shl(a, n)
    return mp_shr(a, -n)


def mp_low_bits(a, n):
    """|a| mod 2**n, as a non-negative MP."""
    words = n // LIMB
    sh = n % LIMB
    size = words + 1
    if size > a.size:
        size = a.size
    r = mp_alloc(size)
    i = 0
    while i < size:
        v = a.d[i]
        if i == words:
            v = v & ((1 << sh) - 1)
        r.d[i] = v
        i += 1
    r.size = size
    return mp_trim(r)


def mp_bit(a, n):
    """Bit n of |a|."""
    w = n // LIMB
    if w >= a.size:
        return 0
    return (a.d[w] >> (n % LIMB)) & 1


def mp_low_zero(a, n):
    """Whether the n lowest bits of |a| are all 0."""
    w = n // LIMB
    i = 0
    while i < w and i < a.size:
        if a.d[i] != 0:
            return False
        i += 1
    if w < a.size and n % LIMB != 0:
        return a.d[w] & ((1 << (n % LIMB)) - 1) == 0
    return True


def mp_from_limbs(limbs, start, count, frac, f):
    """A constant kept in a prebuilt list of limbs, limbs[start:start+count], with ``frac``
    fraction bits (computed at import time, see rmath_elementary), at the fixed point
    f <= frac: the limbs below the ones that count are not even read."""
    skip = (frac - f) // LIMB
    r = mp_alloc(count - skip)
    i = skip
    while i < count:
        r.d[i - skip] = limbs[start + i]
        i += 1
    r.size = count - skip
    return mp_shr(mp_trim(r), frac - f - skip * LIMB)


# ---------------------------------------------------------------------------------------------
# Doubles in and out

def split_double(x):
    """(m, e) with |x| = m * 2**e, m < 2**53 an int, for a finite x (m = 0 for a zero)."""
    b = bits(x)
    biased = (b >> 52) & 0x7ff
    m = b & 0xfffffffffffff
    if biased == 0:
        return (m, -1074)
    return (m | (1 << 52), biased - 1075)


def fx_from_double(x, f):
    """x at the fixed point f (exact when x has no bits below 2**-f, truncated otherwise)."""
    m, e = split_double(x)
    r = mp_shift(mp_int(m), e + f)
    if x < 0.0:
        r.sign = -1
    return r


def mp_round(n, e):
    """The double nearest n * 2**e, ties to even; beyond the largest double, an infinity.

    The last place kept is 2**(E - 52) for a value in [2**E, 2**(E+1)), or 2**-1074 when
    that is lower (a subnormal); the bits below decide the rounding: the first one and
    whether any other is set (the 'sticky' bit)."""
    if n.size == 0:
        return 0.0
    top = mp_bitlen(n) - 1 + e                  # the value is in [2**top, 2**(top+1))
    ulp = top - 52
    if ulp < -1074:
        ulp = -1074
    shift = ulp - e
    if shift <= 0:
        q = mp_to_int(mp_abs(mp_shl(n, -shift)))
    else:
        q = mp_to_int(mp_abs(mp_shr(n, shift)))
        if mp_bit(n, shift - 1) == 1 and (q & 1 == 1 or not mp_low_zero(n, shift - 1)):
            q += 1
    if q >= 1 << 53:
        q = q >> 1
        ulp += 1
    if q < 1 << 52:
        b = q                                   # a subnormal (or zero): its bits are q
    elif ulp + 1075 >= 2047:
        b = 0x7ff << 52                         # past the largest double
    else:
        b = ((ulp + 1075) << 52) | (q - (1 << 52))
    if n.sign < 0:
        b = b | SIGN_BIT
    return double(b)


def ziv(n, err, e):
    """Ziv's test: the double that every value of [n - err, n + err] * 2**e rounds to, or NaN
    when the interval holds a rounding boundary (then the caller computes again, with more
    bits).  err is in units of 2**e, a non-negative int."""
    m = mp_int(err)
    lo = mp_round(mp_sub(n, m), e)
    hi = mp_round(mp_add(n, m), e)
    if bits(lo) == bits(hi):
        return lo
    return NAN


def mp_to_double(n, f):
    """n * 2**-f as a double, correctly rounded (used to start Newton's iterations)."""
    return mp_round(n, -f)


# ---------------------------------------------------------------------------------------------
# Fixed-point arithmetic: every operand and result at the same fixed point f

def fx_one(f):
    return mp_shl(mp_int(1), f)


def fx_mul(a, b, f):
    """a * b, truncated: an error below one unit."""
    return mp_shr(mp_mul(a, b), f)


def fx_recip(b, f):
    """1 / b for b != 0, by Newton's iteration y' = y + y(1 - by), which doubles the number of
    correct bits at each step, from the double nearest 1/b (53 bits).  The result is within
    4 units for |b| >= 1/2 (the truncations of the last step, the rest far below a unit)."""
    bd = mp_to_double(b, f)
    y = fx_from_double(1.0 / bd, f)
    one = fx_one(f)
    good = 50
    while good < f + 8:
        e = mp_sub(one, fx_mul(b, y, f))
        y = mp_add(y, fx_mul(y, e, f))
        good = 2 * good
    return y


def fx_div(a, b, f):
    """a / b for 1/2 <= |b| and |a / b| <= 4: within 24 units (4 units of 1/b times |a|,
    and the truncation of the product)."""
    return fx_mul(a, fx_recip(b, f), f)


def fx_sqrt(a, f):
    """sqrt(a) for a > 0 at most 4: Newton's iteration on the inverse square root,
    y' = y + y(1 - a y**2)/2 (no division), then a * y.  Within 16 units when a >= 2**-120
    and f >= 2 * 120 (the callers' cases)."""
    ad = mp_to_double(a, f)
    y = fx_from_double(1.0 / llop.float_sqrt(Float, ad), f + 8)
    g = f + 8
    aa = mp_shl(a, 8)
    one = fx_one(g)
    good = 50
    while good < g + 8:
        e = mp_sub(one, fx_mul(aa, fx_mul(y, y, g), g))
        y = mp_add(y, mp_shr(fx_mul(y, e, g), 1))
        good = 2 * good
    return mp_shr(fx_mul(aa, y, g), 8)
