"""Doubles to decimal digits and back, exactly as CPython does, with no C library.

CPython prints and parses floats with David Gay's ``dtoa.c``.  A translated program has no
libc, so this file does the same work in RPy, over the big integers of ``rbigint.py``:

- ``ll_shortest`` (``repr``): the shortest digits that read back as the same double, and of
  those the closest, by the exact digit generation of Steele & White's "How to print
  floating-point numbers accurately" (PLDI 1990) as Burger & Dybvig set it up ("Printing
  floating-point numbers quickly and accurately", PLDI 1996): the value and the half-gaps to
  its neighbours are the fractions ``r/s``, ``m-/s`` and ``m+/s`` of big integers, and one
  digit comes out per multiplication by ten, until the digits so far, or one more than the
  last, fall within the half-gap.  The stopping and rounding rules are Gay's mode 0 (ties of
  the last digit to even; an even double's bounds included), so the digits are CPython's.
- ``ll_rounded`` (``'%.3f'``, ``'%.2e'``, ``'%g'``): the digits of ``x`` rounded at a chosen
  decimal place, ties to even, the one exact division of ``x * 10**k`` (Gay's modes 2 and 3).
- ``ll_float_parse`` (``float(s)``): the double nearest the decimal, ties to even.  Clinger's fast
  path ("How to read floating point numbers accurately", PLDI 1990) when the digits and the
  power of ten are both exact doubles, so one IEEE operation rounds once; otherwise the exact
  quotient of two big integers, rounded by its remainder.

``ll_float_repr`` and ``ll_percent_float`` then lay the digits out as CPython's
``format_float_short`` does (``Python/pystrtod.c``).
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Float, Char, STR, GcStruct, Ptr, malloc, nullptr
from rpython.rtyper.lltypesystem.lloperation import llop
from rpython.rtyper.rstr import ll_strconcat, ll_repr
from rpython.rtyper.rbigint import (big_new, big_set, big_copy, big_muladd, big_mul_pow10, big_shl,
                                    big_cmp, big_add_cmp, big_sub, big_bitlen,
                                    big_divmod, big_divmod_small, big_is_zero, big_quorem,
                                    big_normalize_shift, big_divmod_short,
                                    big_shr, big_bit, big_low_bits_zero)

# The digits of one conversion: digits in buf.chars[0:n], the decimal point after decpt of them
DIGITS = GcStruct('DIGITS', ('n', Signed), ('decpt', Signed), ('buf', Ptr(STR)))

MANTISSA_MASK = (1 << 52) - 1
IMPLICIT_ONE = 1 << 52
REPR_LIMBS = 48            # r, s, m+, m- of any double fit in 1,100 bits (5e-324 * 10**324)
INF = float("inf")
TWO_53 = 9007199254740992.0


def bits(x):
    return llop.convert_float_bytes_to_longlong(Signed, x)


def double(b):
    return llop.convert_longlong_bytes_to_float(Float, b)


def mantissa(b):
    """The integer f of x = f * 2**e (the implicit one included)."""
    if (b >> 52) & 0x7ff == 0:
        return b & MANTISSA_MASK
    return (b & MANTISSA_MASK) | IMPLICIT_ONE


def exponent(b):
    biased = (b >> 52) & 0x7ff
    if biased == 0:
        return -1074
    return biased - 1075


def int_bitlen(v):
    n = 0
    while v > 0:
        v = v >> 1
        n += 1
    return n


def log10_estimate(e2):
    """floor(e2 * log10(2)) within one, for |e2| < 1700 (78913 / 2**18 is log10(2) to 6
    digits; the callers correct the estimate by comparing big integers)."""
    return (e2 * 78913) >> 18


def char_digit(d):
    return llop.cast_int_to_char(Char, 48 + d)


def digit_of(c):
    return llop.cast_char_to_int(Signed, c) - 48


def new_digits(capacity):
    d = malloc(DIGITS)
    d.buf = malloc(STR, capacity)
    d.n = 0
    d.decpt = 0
    return d


def setup(b, r, s, mp, mm):
    """r/s = x and m+/s, m-/s = the half-gaps to x's neighbours above and below (Burger &
    Dybvig's table): the gaps are equal except at a power of two, where the one below is half
    the one above (not at the smallest normal, whose neighbour below is as far)."""
    f = mantissa(b)
    e = exponent(b)
    unequal = (b & MANTISSA_MASK) == 0 and (b >> 52) & 0x7ff > 1
    if e >= 0:
        big_set(r, f)
        big_set(mm, 1)
        big_shl(mm, e)
        if unequal:
            big_shl(r, e + 2)
            big_set(s, 4)
            big_set(mp, 2)
            big_shl(mp, e)
        else:
            big_shl(r, e + 1)
            big_set(s, 2)
            big_copy(mp, mm)
    else:
        big_set(r, f)
        big_set(mm, 1)
        if unequal:
            big_shl(r, 2)
            big_set(s, 1)
            big_shl(s, 2 - e)
            big_set(mp, 2)
        else:
            big_shl(r, 1)
            big_set(s, 1)
            big_shl(s, 1 - e)
            big_set(mp, 1)
    return e + int_bitlen(f) - 1          # floor(log2(x))


def scale(r, s, mp, mm, t, e2):
    """Scales r/s (and the half-gaps) by a power of ten into [1, 10), and returns the power:
    floor(log10(x)), the exponent of the first digit."""
    k = log10_estimate(e2)
    if k >= 0:
        big_mul_pow10(s, k)
    else:
        big_mul_pow10(r, -k)
        big_mul_pow10(mp, -k)
        if mm != mp:
            big_mul_pow10(mm, -k)
    big_copy(t, s)
    big_muladd(t, 10, 0)
    while big_cmp(r, t) >= 0:
        big_muladd(s, 10, 0)
        big_muladd(t, 10, 0)
        k += 1
    while big_cmp(r, s) < 0:
        big_muladd(r, 10, 0)
        big_muladd(mp, 10, 0)
        if mm != mp:
            big_muladd(mm, 10, 0)
        k -= 1
    return k


def normalize(r, s, mp, mm):
    """Shifts r, s and the half-gaps left together (only their ratios matter) so that s's top
    limb has 28 bits, as big_quorem wants (Knuth's normalization, 4.3.1 D1)."""
    sh = big_normalize_shift(s)
    big_shl(r, sh)
    big_shl(s, sh)
    big_shl(mp, sh)
    if mm != mp:
        big_shl(mm, sh)


def round_up(out, n):
    """Adds one to the last of the n digits out.buf[0:n] (they end in a 9 being rounded):
    the 9s become nothing, the digit before them one more; all 9s are a 1 one place up."""
    buf = out.buf
    while n > 0 and buf.chars[n - 1] == '9':
        n -= 1
    if n == 0:
        buf.chars[0] = '1'
        out.decpt += 1
        return 1
    buf.chars[n - 1] = char_digit(digit_of(buf.chars[n - 1]) + 1)
    return n


def ll_shortest(x):
    """The shortest digits of x > 0 (finite) that read back as x; of those, the closest."""
    b = bits(x)
    out = new_digits(20)
    fast = shortest_small_int(b, out)
    if fast:
        return out
    r = big_new(REPR_LIMBS)
    s = big_new(REPR_LIMBS)
    mp = big_new(REPR_LIMBS)
    mm = big_new(REPR_LIMBS)
    t = big_new(REPR_LIMBS)
    e2 = setup(b, r, s, mp, mm)
    if big_cmp(mp, mm) == 0:
        mm = mp                           # equal gaps: one number, scaled once
    k = scale(r, s, mp, mm, t, e2)
    out.decpt = k + 1
    normalize(r, s, mp, mm)
    even = (b & 1) == 0
    buf = out.buf
    n = 0
    while True:
        dig = big_quorem(r, s)
        j = big_cmp(r, mm)                    # can we stop here, rounding down?
        j1 = big_add_cmp(r, mp, s)            # could we stop rounding up? (r + m+ vs s)
        if j1 == 0 and even:
            if dig == 9:
                buf.chars[n] = '9'
                n = round_up(out, n + 1)
                break
            if j > 0:
                dig += 1
            buf.chars[n] = char_digit(dig)
            n += 1
            break
        if j < 0 or (j == 0 and even):
            if not big_is_zero(r) and j1 > 0:
                # both dig and dig + 1 read back as x: the closer, ties to an even digit
                big_shl(r, 1)
                c = big_cmp(r, s)
                if c > 0 or (c == 0 and dig & 1 == 1):
                    if dig == 9:
                        buf.chars[n] = '9'
                        n = round_up(out, n + 1)
                        break
                    dig += 1
            buf.chars[n] = char_digit(dig)
            n += 1
            break
        if j1 > 0:
            if dig == 9:
                buf.chars[n] = '9'
                n = round_up(out, n + 1)
                break
            buf.chars[n] = char_digit(dig + 1)
            n += 1
            break
        buf.chars[n] = char_digit(dig)
        n += 1
        big_muladd(r, 10, 0)
        big_muladd(mp, 10, 0)
        if mm != mp:
            big_muladd(mm, 10, 0)
    out.n = n
    return out


def shortest_small_int(b, out):
    """The fast path of integers below 2**53: their shortest digits are their own digits,
    trailing zeros dropped (every integer there is a double, so any shorter decimal names
    another one, and their neighbours are at most 1 away)."""
    e = exponent(b)
    if e > 0 or e < -52:
        return False
    f = mantissa(b)
    v = f >> (-e)
    if (v << (-e)) != f:
        return False
    n = 0
    tmp = malloc(STR, 20)
    while v > 0:
        q = llop.int_floordiv(Signed, v, 10)
        tmp.chars[n] = char_digit(v - q * 10)
        v = q
        n += 1
    out.decpt = n
    i = 0
    while i < n and tmp.chars[i] == '0':
        i += 1
    k = 0
    while k < n - i:
        out.buf.chars[k] = tmp.chars[n - 1 - k]
        k += 1
    out.n = n - i
    return True


def ll_rounded(x, mode, ndigits):
    """The digits of x >= 0 (finite) rounded, ties to even, at the decimal place given:
    mode 2 keeps ndigits significant digits (%e, %g), mode 3 ndigits after the point (%f).
    Trailing zeros are dropped (the layout pads them back); a value that rounds to nothing
    in mode 3 has no digits and decpt -ndigits, as Gay's dtoa returns it."""
    b = bits(x)
    if x == 0.0:
        out = new_digits(1)
        out.buf.chars[0] = '0'
        out.n = 1
        out.decpt = 1
        return out
    f = mantissa(b)
    e = exponent(b)
    e2 = e + int_bitlen(f) - 1
    if mode == 2:
        k = floor_log10(b, e2)               # x in [10**k, 10**(k+1))
        last = k - ndigits + 1               # the decimal place of the last digit kept
    else:
        last = -ndigits
    # q = x / 10**last as num / den, both big integers
    limbs = 40
    if last < 0:
        limbs += ((-last) * 10) // 96 + 2
    else:
        limbs += (last * 10) // 96 + 2
    q = big_new(limbs)
    big_set(q, f)
    if e >= 0:
        big_shl(q, e)
    if last < 0:
        big_mul_pow10(q, -last)
    if last <= 0:
        # the divisor is a power of two, 2**-e: a shift, and the bits shifted out round
        if e < 0:
            up = big_bit(q, -e - 1) == 1 and (not big_low_bits_zero(q, -e - 1) or big_bit(q, -e) == 1)
            big_shr(q, -e)
            if up:
                big_muladd(q, 1, 1)
    else:
        num = q
        q = big_new(limbs)
        den = big_new(limbs)
        big_set(den, 1)
        if e < 0:
            big_shl(den, -e)
        big_mul_pow10(den, last)
        scratch = big_new(limbs + 4)
        if big_bitlen(num) - big_bitlen(den) < 58:
            qv = big_divmod_short(num, den, scratch)      # the usual case: a short quotient
            big_set(q, qv)
        else:
            big_divmod(num, den, q, scratch)
        big_shl(num, 1)                          # twice the remainder against the divisor
        c = big_cmp(num, den)
        if c > 0 or (c == 0 and q.size > 0 and q.d[0] & 1 == 1):
            big_muladd(q, 1, 1)
    if big_is_zero(q):
        out = new_digits(1)
        out.n = 0
        out.decpt = -ndigits
        return out
    # the digits of q, least significant first
    n = 0
    tmp = malloc(STR, big_bitlen(q) // 3 + 11)
    while not big_is_zero(q):
        chunk = big_divmod_small(q, 1000000000)    # nine digits a pass
        j = 0
        while j < 9 and (chunk > 0 or not big_is_zero(q)):
            c = llop.int_floordiv(Signed, chunk, 10)
            tmp.chars[n] = char_digit(chunk - c * 10)
            chunk = c
            n += 1
            j += 1
    out = new_digits(n)
    out.decpt = last + n                     # rounding up to 10**(k+1) adds a digit
    zeros = 0
    while zeros < n - 1 and tmp.chars[zeros] == '0':
        zeros += 1
    i = 0
    while i < n - zeros:
        out.buf.chars[i] = tmp.chars[n - 1 - i]
        i += 1
    out.n = n - zeros
    return out


def ll_round_digits(x, ndigits):
    """round(x, ndigits) of a float, as CPython's double_round: the digits of |x| rounded at
    ndigits decimal places, ties to even on its exact value (ll_rounded, mode 3), read back as
    the nearest double (decimal_to_double), the sign put back (a zero keeps it).  NaN, the
    infinities and zeros come back unchanged, and so does x when ndigits is past its last
    digit; ndigits above the largest double gives a zero."""
    if x != x or x == INF or x == -INF or x == 0.0:
        return x
    if ndigits > 323:
        return x
    neg = x < 0.0
    if ndigits < -308:
        return signed(0.0, neg)
    a = x
    if neg:
        a = -x
    d = ll_rounded(a, 3, ndigits)
    y = decimal_to_double(d.buf, d.n, d.decpt - d.n)
    if y == INF:
        raise OverflowError("rounded value too large to represent")
    return signed(y, neg)


def floor_log10(b, e2):
    """floor(log10(x)) exactly: the estimate, checked against x's big integer."""
    f = mantissa(b)
    e = exponent(b)
    r = big_new(REPR_LIMBS)
    s = big_new(REPR_LIMBS)
    t = big_new(REPR_LIMBS)
    big_set(r, f)
    big_set(s, 1)
    if e >= 0:
        big_shl(r, e)
    else:
        big_shl(s, -e)
    # scale() also scales the half-gaps; here they are not needed, so give it scratch ones
    mp = big_new(REPR_LIMBS)
    mm = big_new(REPR_LIMBS)
    return scale(r, s, mp, mm, t, e2)


# ---------------------------------------------------------------------------------------
# Laying the digits out (CPython's format_float_short)

def special(x, upper, sign_plus):
    """inf, -inf, nan (never signed '-'), or None for a finite x."""
    if x != x:
        if sign_plus:
            return text3('+', 'n', 'a', 'n', upper)
        return text3('\x00', 'n', 'a', 'n', upper)
    if x == INF:
        if sign_plus:
            return text3('+', 'i', 'n', 'f', upper)
        return text3('\x00', 'i', 'n', 'f', upper)
    if x == -INF:
        return text3('-', 'i', 'n', 'f', upper)
    return nullptr(STR)


def text3(sign, a, b, c, upper):
    n = 3
    if sign != '\x00':
        n = 4
    r = malloc(STR, n)
    i = 0
    if sign != '\x00':
        r.chars[0] = sign
        i = 1
    if upper:
        a = upper_char(a)
        b = upper_char(b)
        c = upper_char(c)
    r.chars[i] = a
    r.chars[i + 1] = b
    r.chars[i + 2] = c
    return r


def upper_char(c):
    return llop.cast_int_to_char(Char, llop.cast_char_to_int(Signed, c) - 32)


def layout(neg, sign_plus, d, code, precision, add_dot_0, alt, upper):
    """The text of the digits d as format code 'e', 'f', 'g' or 'r' lays them out."""
    digits_len = d.n
    decpt = d.decpt
    use_exp = False
    vend = digits_len
    if code == 'e':
        use_exp = True
        vend = precision
    elif code == 'f':
        vend = decpt + precision
    elif code == 'g':
        limit = precision
        if add_dot_0:
            limit = precision - 1
        if decpt <= -4 or decpt > limit:
            use_exp = True
        if alt:
            vend = precision
    else:
        if decpt <= -4 or decpt > 16:
            use_exp = True
    exp = 0
    if use_exp:
        exp = decpt - 1
        decpt = 1
    vstart = 0
    if decpt <= 0:
        vstart = decpt - 1
    if not use_exp and add_dot_0:
        if vend <= decpt:
            vend = decpt + 1
    elif vend < decpt:
        vend = decpt
    size = vend - vstart + 2 + 8
    buf = malloc(STR, size)
    p = 0
    if neg:
        buf.chars[p] = '-'
        p += 1
    elif sign_plus:
        buf.chars[p] = '+'
        p += 1
    if decpt <= 0:
        p = fill(buf, p, '0', decpt - vstart)
        buf.chars[p] = '.'
        p += 1
        p = fill(buf, p, '0', -decpt)
    else:
        p = fill(buf, p, '0', -vstart)
    if 0 < decpt and decpt <= digits_len:
        p = copy(buf, p, d.buf, 0, decpt)
        buf.chars[p] = '.'
        p += 1
        p = copy(buf, p, d.buf, decpt, digits_len)
    else:
        p = copy(buf, p, d.buf, 0, digits_len)
    if digits_len < decpt:
        p = fill(buf, p, '0', decpt - digits_len)
        buf.chars[p] = '.'
        p += 1
        p = fill(buf, p, '0', vend - decpt)
    else:
        p = fill(buf, p, '0', vend - digits_len)
    if buf.chars[p - 1] == '.' and not alt:
        p -= 1
    if use_exp:
        if upper:
            buf.chars[p] = 'E'
        else:
            buf.chars[p] = 'e'
        p += 1
        if exp < 0:
            buf.chars[p] = '-'
            exp = -exp
        else:
            buf.chars[p] = '+'
        p += 1
        if exp >= 100:
            buf.chars[p] = char_digit(exp // 100)
            p += 1
        buf.chars[p] = char_digit((exp // 10) % 10)
        buf.chars[p + 1] = char_digit(exp % 10)
        p += 2
    r = malloc(STR, p)
    copy(r, 0, buf, 0, p)
    return r


def fill(buf, p, c, n):
    while n > 0:
        buf.chars[p] = c
        p += 1
        n -= 1
    return p


def copy(dst, p, src, start, stop):
    i = start
    while i < stop:
        dst.chars[p] = src.chars[i]
        p += 1
        i += 1
    return p


def ll_float_repr(x):
    """repr(x) and str(x): the shortest digits, in exponent form below 1e-4 and from 1e16."""
    sp = special(x, False, False)
    if sp:
        return sp
    neg = bits(x) < 0
    if neg:
        x = -x
    if x == 0.0:
        d = new_digits(1)
        d.buf.chars[0] = '0'
        d.n = 1
        d.decpt = 1
    else:
        d = ll_shortest(x)
    return layout(neg, False, d, 'r', 0, True, False, False)


def format_float(x, code, precision, alt, sign_plus, upper):
    """'%.<precision><code>' % x for code 'e', 'f' or 'g', upper-cased for 'E', 'F', 'G', with
    the '#' flag (alt) and the '+' flag (sign_plus): PyOS_double_to_string."""
    sp = special(x, upper, sign_plus)
    if sp:
        return sp
    neg = bits(x) < 0
    if neg:
        x = -x
    if code == 'e':
        d = ll_rounded(x, 2, precision + 1)
        return layout(neg, sign_plus, d, 'e', precision + 1, False, alt, upper)
    if code == 'f':
        d = ll_rounded(x, 3, precision)
        return layout(neg, sign_plus, d, 'f', precision, False, alt, upper)
    if precision == 0:
        precision = 1
    d = ll_rounded(x, 2, precision)
    return layout(neg, sign_plus, d, 'g', precision, False, alt, upper)


# ---------------------------------------------------------------------------------------
# Reading a decimal (CPython's float(s): PyOS_string_to_double and its callers)

MAX_DIGITS = 800           # more never change the rounding (a halfway point has <= 767)
EXP_LIMIT = 100000         # an exponent beyond this is as good as infinite


def is_space(c):
    """str.isspace() for chars 0..255: float() strips what Python strips."""
    o = llop.cast_char_to_int(Signed, c)
    return o == 32 or (9 <= o and o <= 13) or (28 <= o and o <= 31) or o == 0x85 or o == 0xa0


def is_digit(c):
    return '0' <= c and c <= '9'


def underscore_ok(s, i, start, stop):
    """An underscore is allowed only between two digits (PEP 515, as float() applies it)."""
    return i > start and i + 1 < stop and is_digit(s.chars[i - 1]) and is_digit(s.chars[i + 1])


def lower_at(s, i):
    c = s.chars[i]
    if 'A' <= c and c <= 'Z':
        return llop.cast_int_to_char(Char, llop.cast_char_to_int(Signed, c) + 32)
    return c


def word_at(s, i, stop, w0, w1, w2):
    return stop - i == 3 and lower_at(s, i) == w0 and lower_at(s, i + 1) == w1 and lower_at(s, i + 2) == w2


def is_infinity(s, i, stop):
    if word_at(s, i, stop, 'i', 'n', 'f'):
        return True
    if stop - i != 8:
        return False
    return (word_at(s, i, i + 3, 'i', 'n', 'f') and word_at(s, i + 3, i + 6, 'i', 'n', 'i')
            and lower_at(s, i + 6) == 't' and lower_at(s, i + 7) == 'y')


def ll_float_parse(s):
    """float(s): Python's syntax, the nearest double, ValueError otherwise."""
    n = len(s.chars)
    start = 0
    while start < n and is_space(s.chars[start]):
        start += 1
    stop = n
    while stop > start and is_space(s.chars[stop - 1]):
        stop -= 1
    i = start
    neg = False
    if i < stop and (s.chars[i] == '+' or s.chars[i] == '-'):
        neg = s.chars[i] == '-'
        i += 1
    if is_infinity(s, i, stop):
        return signed(INF, neg)
    if word_at(s, i, stop, 'n', 'a', 'n'):
        return signed(INF - INF, neg)
    digits = malloc(STR, stop - i + 1)
    ndig = 0                      # significant digits kept in digits.chars
    exp10 = 0                     # the value is digits * 10**exp10
    seen = False                  # a digit was read (a leading zero counts)
    nonzero_dropped = False
    while i < stop:
        c = s.chars[i]
        if is_digit(c):
            seen = True
            if ndig > 0 or c != '0':
                if ndig < MAX_DIGITS:
                    digits.chars[ndig] = c
                    ndig += 1
                else:
                    exp10 += 1
                    if c != '0':
                        nonzero_dropped = True
        elif c == '_' and underscore_ok(s, i, start, stop):
            pass
        else:
            break
        i += 1
    if i < stop and s.chars[i] == '.':
        i += 1
        while i < stop:
            c = s.chars[i]
            if is_digit(c):
                seen = True
                if ndig > 0 or c != '0':
                    if ndig < MAX_DIGITS:
                        digits.chars[ndig] = c
                        ndig += 1
                        exp10 -= 1
                    elif c != '0':
                        nonzero_dropped = True
                else:
                    exp10 -= 1
            elif c == '_' and underscore_ok(s, i, start, stop):
                pass
            else:
                break
            i += 1
    if not seen:
        raise_value_error(s)
    if i < stop and (s.chars[i] == 'e' or s.chars[i] == 'E'):
        i += 1
        eneg = False
        if i < stop and (s.chars[i] == '+' or s.chars[i] == '-'):
            eneg = s.chars[i] == '-'
            i += 1
        if i >= stop or not is_digit(s.chars[i]):
            raise_value_error(s)
        e = 0
        while i < stop:
            c = s.chars[i]
            if is_digit(c):
                if e < EXP_LIMIT:
                    e = e * 10 + digit_of(c)
            elif not (c == '_' and underscore_ok(s, i, start, stop)):
                break
            i += 1
        if eneg:
            e = -e
        exp10 += e
    if i != stop:
        raise_value_error(s)
    if nonzero_dropped:
        digits.chars[ndig] = '1'          # a sticky digit: the value is above the digits kept
        ndig += 1
        exp10 -= 1
    while ndig > 0 and digits.chars[ndig - 1] == '0':
        ndig -= 1
        exp10 += 1
    return signed(decimal_to_double(digits, ndig, exp10), neg)


def raise_value_error(s):
    raise ValueError(ll_strconcat(ll_message_prefix(), ll_repr(s)))


MESSAGE = "could not convert string to float: "


def ll_message_prefix():
    """The message's text as an rpy_string (a str constant in a helper is the host's)."""
    n = len(MESSAGE)
    r = malloc(STR, n)
    i = 0
    while i < n:
        r.chars[i] = MESSAGE[i]
        i += 1
    return r


def signed(x, neg):
    if neg:
        return -x
    return x


def pow10(k):
    """10.0**k for 0 <= k <= 22: exact doubles."""
    p = 1.0
    while k > 0:
        p = p * 10.0
        k -= 1
    return p


def decimal_to_double(digits, ndig, exp10):
    """The double nearest digits * 10**exp10 (ndig digits, no leading or trailing zero)."""
    if ndig == 0:
        return 0.0
    if exp10 + ndig > 310:
        return INF
    if exp10 + ndig < -324:
        return 0.0
    if ndig <= 15:
        # Clinger's fast path: the digits (below 10**15 < 2**53) and 10**|k| (k <= 22) are
        # exact doubles, so the one multiplication or division rounds once, correctly
        v = 0
        i = 0
        while i < ndig:
            v = v * 10 + digit_of(digits.chars[i])
            i += 1
        dv = llop.cast_int_to_float(Float, v)
        if 0 <= exp10 and exp10 <= 22:
            return dv * pow10(exp10)
        if -22 <= exp10 and exp10 < 0:
            return llop.float_truediv(Float, dv, pow10(-exp10))
        if 22 < exp10 and exp10 <= 22 + 15 - ndig:
            return (dv * pow10(exp10 - 22)) * pow10(22)    # the first product is an exact integer
    return exact_quotient(digits, ndig, exp10)


def exact_quotient(digits, ndig, exp10):
    """The nearest double to num / den, num = digits * 10**max(exp10, 0) and den =
    10**max(-exp10, 0): a quotient q of 54 or 55 bits and a remainder that says whether
    anything was left over, rounded to 53 bits (fewer for a subnormal), ties to even."""
    k = exp10
    if k < 0:
        k = -k
    limbs = ((ndig + k) * 10) // 96 + 16      # and the shifts of big_divmod_short
    num = big_new(limbs)
    den = big_new(limbs)
    big_set(num, 0)
    i = 0
    while i < ndig:
        big_muladd(num, 10, digit_of(digits.chars[i]))
        i += 1
    big_set(den, 1)
    if exp10 >= 0:
        big_mul_pow10(num, exp10)
    else:
        big_mul_pow10(den, -exp10)
    sh = big_bitlen(num) - big_bitlen(den) - 54
    if sh > 0:
        big_shl(den, sh)
    else:
        big_shl(num, -sh)
    scratch = big_new(limbs)
    qv = big_divmod_short(num, den, scratch)   # num / den = (qv + a fraction) * 2**sh
    sticky = not big_is_zero(num)
    u = sh + int_bitlen(qv) - 53           # the exponent of the last mantissa bit
    if u < -1074:
        u = -1074
    drop = u - sh
    if drop > 60:
        return 0.0
    mant = qv >> drop
    low = qv - (mant << drop)
    half = 1 << (drop - 1)
    if low > half or (low == half and (sticky or mant & 1 == 1)):
        mant += 1
    if mant == IMPLICIT_ONE << 1:
        mant = mant >> 1
        u += 1
    if u > 971:
        return INF
    if mant < IMPLICIT_ONE:
        return double(mant)                # a subnormal (u is -1074), or zero
    return double(((u + 1075) << 52) | (mant - IMPLICIT_ONE))


def ll_percent_float(x, code, precision, width, left, zero, plus, blank, alt, upper):
    """One '%...f' (or e, g) of a format, as PyUnicode_Format lays it out: the number, then
    a '+' or ' ' for a non-negative one if asked, then the width, with zeros after the sign
    ('0') or spaces before ('-' puts them after)."""
    if precision < 0:
        precision = 6
    body = format_float(x, code, precision, alt, False, upper)
    n = len(body.chars)
    sign = '\x00'
    at = 0
    if n > 0 and body.chars[0] == '-':
        sign = '-'
        at = 1
    elif plus:
        sign = '+'
    elif blank:
        sign = ' '
    digits = n - at
    total = digits
    if sign != '\x00':
        total += 1
    size = total
    if width > size:
        size = width
    r = malloc(STR, size)
    p = 0
    if not left and not zero:
        p = fill(r, p, ' ', size - total)
    if sign != '\x00':
        r.chars[p] = sign
        p += 1
    if not left and zero:
        p = fill(r, p, '0', size - total)
    p = copy(r, p, body, at, n)
    fill(r, p, ' ', size - p)
    return r
