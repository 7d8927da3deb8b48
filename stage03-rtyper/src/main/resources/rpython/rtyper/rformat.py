"""What ``fmt % args`` means at the low level, once the rtyper has read the constant format.

The rtyper splits the format at translation time (``StringFormatting``): ``"%s: %5d\\n" % (a, b)``
becomes a list of pieces, the text between the specifiers as prebuilt strings and each value
converted by one of these helpers (``%d`` by ``rstr.ll_int2dec``, ``%x`` by ``ll_int2base``,
a width by ``ll_pad``), and ``rstr.ll_join`` puts the pieces end to end, in one allocation.
PyPy's ``rstr.py`` does the same (``do_stringformat``).  Floats (``%f %e %g``) need the
shortest round-trip and correctly rounded conversions, written later in RPy too.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Unsigned, Char, STR, malloc
from rpython.rtyper.lltypesystem.lloperation import llop


def ll_digit(d, upper):
    if d < 10:
        return llop.cast_int_to_char(Char, 48 + d)
    if upper:
        return llop.cast_int_to_char(Char, 55 + d)
    return llop.cast_int_to_char(Char, 87 + d)


def ll_int2base(x, base, upper, alternate):
    """%x, %X and %o of an int: a '-' for a negative one, the '0x'/'0o' of '#', then the digits
    of its magnitude (computed on the negative value, so the smallest int comes out right)."""
    neg = x < 0
    if not neg:
        x = -x
    digits = malloc(STR, 64)
    n = 0
    while True:
        q = llop.int_floordiv(Signed, x, base)   # C's division: towards zero
        digits.chars[n] = ll_digit(q * base - x, upper)
        n += 1
        x = q
        if x == 0:
            break
    prefix = 0
    if alternate:
        prefix = 2
    extra = prefix
    if neg:
        extra += 1
    r = malloc(STR, n + extra)
    at = 0
    if neg:
        r.chars[0] = '-'
        at = 1
    if alternate:
        r.chars[at] = '0'
        if base == 16:
            if upper:
                r.chars[at + 1] = 'X'
            else:
                r.chars[at + 1] = 'x'
        else:
            r.chars[at + 1] = 'o'
    i = 0
    while i < n:
        r.chars[extra + i] = digits.chars[n - 1 - i]
        i += 1
    return r


def ll_uint2base(x, base, upper, alternate):
    """str(x), %d, %x, %X and %o of an r_uint: the digits of the unsigned word (CPython prints
    an r_uint as the non-negative int it is), the '0x'/'0o' of '#' first."""
    b = llop.cast_int_to_uint(Unsigned, base)
    digits = malloc(STR, 64)
    n = 0
    while True:
        q = llop.uint_floordiv(Unsigned, x, b)
        d = llop.cast_uint_to_int(Signed, llop.uint_sub(Unsigned, x, llop.uint_mul(Unsigned, q, b)))
        digits.chars[n] = ll_digit(d, upper)
        n += 1
        x = q
        if not x:
            break
    prefix = 0
    if alternate:
        prefix = 2
    r = malloc(STR, n + prefix)
    if alternate:
        r.chars[0] = '0'
        if base == 16:
            if upper:
                r.chars[1] = 'X'
            else:
                r.chars[1] = 'x'
        else:
            r.chars[1] = 'o'
    i = 0
    while i < n:
        r.chars[prefix + i] = digits.chars[n - 1 - i]
        i += 1
    return r


def ll_uint2dec(x):
    return ll_uint2base(x, 10, False, False)


def ll_sign(s, sign):
    """The '+' and ' ' flags: that char before a number that is not negative."""
    if len(s.chars) > 0 and s.chars[0] == '-':
        return s
    r = malloc(STR, len(s.chars) + 1)
    r.chars[0] = sign
    i = 0
    while i < len(s.chars):
        r.chars[i + 1] = s.chars[i]
        i += 1
    return r


def ll_truncate(s, precision):
    """%.Ns: at most N chars."""
    n = len(s.chars)
    if n <= precision:
        return s
    r = malloc(STR, precision)
    i = 0
    while i < precision:
        r.chars[i] = s.chars[i]
        i += 1
    return r


def ll_pad(s, width, left, zeros):
    """A width: spaces after (the '-' flag) or before; with the '0' flag, zeros after the sign and prefix."""
    n = len(s.chars)
    if n >= width:
        return s
    r = malloc(STR, width)
    pad = width - n
    if left:
        i = 0
        while i < n:
            r.chars[i] = s.chars[i]
            i += 1
        while i < width:
            r.chars[i] = ' '
            i += 1
        return r
    start = 0
    at = 0
    fill = ' '
    if zeros:
        # the zeros go after the sign and after the '0x'/'0o' of the '#' flag: '%#06x' is '0x00ff'
        fill = '0'
        if n > 0 and (s.chars[0] == '-' or s.chars[0] == '+' or s.chars[0] == ' '):
            r.chars[0] = s.chars[0]
            start = 1
            at = 1
        if start + 1 < n and s.chars[start] == '0' and (s.chars[start + 1] == 'x' or s.chars[start + 1] == 'X'
                                                       or s.chars[start + 1] == 'o'):
            r.chars[at] = '0'
            r.chars[at + 1] = s.chars[start + 1]
            start += 2
            at += 2
    k = 0
    while k < pad:
        r.chars[at] = fill
        at += 1
        k += 1
    i = start
    while i < n:
        r.chars[at] = s.chars[i]
        at += 1
        i += 1
    return r


def ll_bool2str(b):
    if b:
        return "True"
    return "False"


def ll_bracket(open, body, close):
    """open + body + close, in one allocation: the brackets around a list's items."""
    n = len(body.chars)
    r = malloc(STR, n + 2)
    r.chars[0] = open
    i = 0
    while i < n:
        r.chars[i + 1] = body.chars[i]
        i += 1
    r.chars[n + 1] = close
    return r
