"""Exact arithmetic on non-negative big integers, just enough for the float conversions.

``repr(x)``, ``float(s)`` and ``'%.3f' % x`` must be exact, and an exact answer about a double
``f * 2**e`` and a power of ten needs integers of more than a thousand bits.  There is no libc
and no bigint type at the low level, so this file is one: a ``BIG`` is a var-sized struct of
32-bit limbs, least significant first, kept in ``Signed`` words so that a limb times a factor
below 2**31 plus a carry never leaves the word.  ``size`` is the number of limbs in use (no
leading zero limb; zero has size 0).  The capacity is chosen by the caller (``big_new``), who
knows how large the numbers of one conversion can get: the operations never grow an object.

Knuth, TAOCP vol. 2, 4.3.1 (the classical algorithms); only what ``rdtoa.py`` needs: small
multiplications, shifts, comparison, subtraction, and division.  A quotient below 2**28 (a
digit, a step of a longer one) is estimated from the top limbs of a normalized divisor and
corrected (``big_quorem``, Knuth's algorithm D with small digits); a quotient of any length
is produced bit by bit (``big_divmod``), which is slow but only needed for the rare formats
that ask for a long run of significant digits.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, GcStruct, Array, malloc
from rpython.rtyper.lltypesystem.lloperation import llop

BIG = GcStruct('BIG', ('size', Signed), ('d', Array(Signed)))
MASK = 0xffffffff
LIMB = 32


def big_new(capacity):
    return malloc(BIG, capacity)


def big_set(b, v):
    """b = v, a non-negative int."""
    n = 0
    while v > 0:
        b.d[n] = v & MASK
        v = v >> LIMB
        n += 1
    b.size = n


def big_copy(dst, src):
    i = 0
    while i < src.size:
        dst.d[i] = src.d[i]
        i += 1
    dst.size = src.size


def big_is_zero(b):
    return b.size == 0


def big_muladd(b, m, a):
    """b = b * m + a, for 0 <= m, a < 2**31."""
    carry = a
    i = 0
    n = b.size
    while i < n:
        t = b.d[i] * m + carry
        b.d[i] = t & MASK
        carry = t >> LIMB
        i += 1
    if carry > 0:
        b.d[n] = carry
        b.size = n + 1
    elif n == 0 or b.d[n - 1] == 0:
        big_trim(b)


def big_trim(b):
    n = b.size
    while n > 0 and b.d[n - 1] == 0:
        n -= 1
    b.size = n


def big_mul_pow10(b, k):
    """b = b * 10**k, k >= 0: nine digits at a time, 10**9 < 2**30."""
    while k >= 9:
        big_muladd(b, 1000000000, 0)
        k -= 9
    if k > 0:
        p = 1
        while k > 0:
            p = p * 10
            k -= 1
        big_muladd(b, p, 0)


def big_shl(b, n):
    """b = b << n, n >= 0."""
    if b.size == 0 or n == 0:
        return
    words = n >> 5
    bits = n & 31
    size = b.size
    if bits == 0:
        i = size - 1
        while i >= 0:
            b.d[i + words] = b.d[i]
            i -= 1
    else:
        b.d[size + words] = 0
        i = size - 1
        while i >= 0:
            v = b.d[i]
            b.d[i + words + 1] = b.d[i + words + 1] | (v >> (LIMB - bits))
            b.d[i + words] = (v << bits) & MASK
            i -= 1
        size += 1
    i = 0
    while i < words:
        b.d[i] = 0
        i += 1
    b.size = size + words
    big_trim(b)


def big_shr1(b):
    """b = b >> 1."""
    n = b.size
    i = 0
    while i < n:
        v = b.d[i] >> 1
        if i + 1 < n:
            v = v | ((b.d[i + 1] & 1) << (LIMB - 1))
        b.d[i] = v
        i += 1
    big_trim(b)


def big_cmp(a, b):
    """-1, 0 or 1 as a < b, a == b, a > b."""
    if a.size != b.size:
        if a.size < b.size:
            return -1
        return 1
    i = a.size - 1
    while i >= 0:
        x = a.d[i]
        y = b.d[i]
        if x != y:
            if x < y:
                return -1
            return 1
        i -= 1
    return 0


def big_add_cmp(a, b, c):
    """The sign of a + b - c, without computing a + b: from the top limb down, the difference
    so far (in units of the current limb) is decided once it is 2 or more away from zero,
    since all the limbs below add less than one unit of it and take away less than one.  So
    this usually looks at one or two limbs."""
    n = a.size
    if b.size > n:
        n = b.size
    if c.size > n:
        n = c.size
    d = 0
    i = n - 1
    while i >= 0:
        d = d << LIMB
        if i < a.size:
            d += a.d[i]
        if i < b.size:
            d += b.d[i]
        if i < c.size:
            d -= c.d[i]
        if d >= 2:
            return 1
        if d <= -2:
            return -1
        i -= 1
    if d > 0:
        return 1
    if d < 0:
        return -1
    return 0


def big_submul(r, s, q):
    """r = r - q * s, for 0 <= q < 2**31 and r >= q * s: one pass, the borrow a whole word."""
    borrow = 0
    i = 0
    n = r.size
    while i < n:
        t = r.d[i] - borrow
        if i < s.size:
            t -= q * s.d[i]
        r.d[i] = t & MASK
        borrow = -(t >> LIMB)
        i += 1
    big_trim(r)


def big_sub(a, b):
    """a = a - b, for a >= b."""
    borrow = 0
    i = 0
    n = a.size
    while i < n:
        x = a.d[i] - borrow
        if i < b.size:
            x -= b.d[i]
        if x < 0:
            x += MASK + 1
            borrow = 1
        else:
            borrow = 0
        a.d[i] = x
        i += 1
    big_trim(a)


def big_bitlen(b):
    if b.size == 0:
        return 0
    top = b.d[b.size - 1]
    n = 0
    while top > 0:
        top = top >> 1
        n += 1
    return (b.size - 1) * LIMB + n


def big_divmod(num, den, q, scratch):
    """q = num // den, num = num % den (den > 0), by shifting and subtracting one bit at a
    time; scratch (as large as num) holds den shifted."""
    big_set(q, 0)
    shift = big_bitlen(num) - big_bitlen(den)
    if shift < 0:
        return
    big_copy(scratch, den)
    big_shl(scratch, shift)
    while shift >= 0:
        if big_cmp(num, scratch) >= 0:
            big_sub(num, scratch)
            big_set_bit(q, shift)
        big_shr1(scratch)
        shift -= 1


def big_set_bit(q, bit):
    w = bit >> 5
    while q.size <= w:
        q.d[q.size] = 0
        q.size += 1
    q.d[w] = q.d[w] | (1 << (bit & 31))


def big_divmod_small(b, m):
    """b = b // m, returns b % m, for 0 < m < 2**31."""
    rem = 0
    i = b.size - 1
    while i >= 0:
        cur = (rem << LIMB) | b.d[i]
        qd = llop.int_floordiv(Signed, cur, m)     # both non-negative: C's division is Python's
        rem = cur - qd * m
        b.d[i] = qd
        i -= 1
    big_trim(b)
    return rem


def big_normalize_shift(s):
    """The left shift that gives s a top limb of exactly 28 bits (see big_quorem)."""
    return (60 - big_bitlen(s) % 32) % 32


def big_quorem(r, s):
    """r // s, leaving r % s in r, for s whose top limb has 28 bits and r < s * 2**28: the
    quotient of r's top 64 bits by s's top limb plus one is never too large and at most
    three too small (Knuth 4.3.1, algorithm D's estimate), so one multiply-and-subtract and
    a few corrections."""
    n = s.size
    top = 0
    if r.size > n:
        top = r.d[n] << LIMB
    if r.size >= n:
        top += r.d[n - 1]
    q = llop.int_floordiv(Signed, top, s.d[n - 1] + 1)
    if q > 0:
        big_submul(r, s, q)
    while big_cmp(r, s) >= 0:
        big_sub(r, s)
        q += 1
    return q


def big_divmod_short(num, den, scratch):
    """num // den for a quotient below 2**60, in three steps of 20 bits, each a big_quorem
    by den shifted to the step's place.  num and den come back both scaled by the same power
    of two (the normalizations), num the remainder: what the callers compare is their ratio."""
    q = 0
    pos = 40
    while pos >= 0:
        big_copy(scratch, den)
        big_shl(scratch, pos)
        sh = big_normalize_shift(scratch)
        big_shl(scratch, sh)
        big_shl(num, sh)
        big_shl(den, sh)
        q = (q << 20) | big_quorem(num, scratch)
        pos -= 20
    return q


def big_shr(b, n):
    """b = b >> n, n >= 0."""
    words = n >> 5
    bits = n & 31
    size = b.size - words
    if size <= 0:
        b.size = 0
        return
    i = 0
    while i < size:
        v = b.d[i + words] >> bits
        if bits != 0 and i + words + 1 < b.size:
            v = v | ((b.d[i + words + 1] << (LIMB - bits)) & MASK)
        b.d[i] = v
        i += 1
    b.size = size
    big_trim(b)


def big_bit(b, n):
    """Bit n of b."""
    w = n >> 5
    if w >= b.size:
        return 0
    return (b.d[w] >> (n & 31)) & 1


def big_low_bits_zero(b, n):
    """Whether the n lowest bits of b are all 0."""
    w = n >> 5
    i = 0
    while i < w and i < b.size:
        if b.d[i] != 0:
            return False
        i += 1
    if w < b.size and n & 31 != 0:
        return b.d[w] & ((1 << (n & 31)) - 1) == 0
    return True
