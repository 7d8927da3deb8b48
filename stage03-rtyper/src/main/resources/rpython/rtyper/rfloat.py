"""What the float operations that are more than one instruction mean at the low level.

Python's ``x // y`` and ``x % y`` on floats are CPython's ``float_floor_div`` and ``float_rem``:
built on C's ``fmod``, which is exact (the remainder of two doubles is always a double).  No
instruction computes it and there is no libc to call, so ``ll_fmod`` computes it here, on the
bits of the two doubles, the way C libraries do: align the exponents, then subtract the
divisor's mantissa, shifted, as in long division.  The only low-level operations it needs are
integer ones and the two that give a double's 64 bits as a word and back.

The rtyper calls ``ll_float_py_div_zer`` for ``x // y``, ``ll_float_py_mod_zer`` for ``x % y``
and ``ll_float_py_truediv_zer`` for ``x / y`` (``rint.py`` says how ints do it).  Inside these
helpers a division is written ``llop.float_truediv``: ``/`` is the checking helper itself.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Float
from rpython.rtyper.lltypesystem.lloperation import llop

MANTISSA_BITS = 52
IMPLICIT_ONE = 1 << 52                    # the leading 1 a normal double does not store
MANTISSA_MASK = IMPLICIT_ONE - 1
EXPONENT_MASK = 0x7ff                     # after shifting the mantissa out
ABS_MASK = 0x7fffffffffffffff             # every bit but the sign
TWO_52 = 4503599627370496.0               # from here on, every double is an integer
NAN = float("nan")


def bits(x):
    return llop.convert_float_bytes_to_longlong(Signed, x)


def double(b):
    return llop.convert_longlong_bytes_to_float(Float, b)


def ll_copysign_zero(y):
    # 0.0 with the sign of y, -0.0 and NaNs included: the sign is the top bit
    if bits(y) < 0:
        return -0.0
    return 0.0


def ll_fmod(x, y):
    # C's fmod: x - n*y for the integer n that truncates x/y, exactly; the sign of x
    ux = bits(x)
    uy = bits(y)
    ex = (ux >> MANTISSA_BITS) & EXPONENT_MASK
    ey = (uy >> MANTISSA_BITS) & EXPONENT_MASK
    ax = ux & ABS_MASK
    ay = uy & ABS_MASK
    if ay == 0 or ex == EXPONENT_MASK or (ey == EXPONENT_MASK and ay & MANTISSA_MASK != 0):
        return NAN                        # y zero, x infinite, or a NaN
    if ax <= ay:
        if ax == ay:
            return 0.0 * x                # |x| == |y|: a zero with x's sign
        return x                          # |x| < |y| (y infinite included)
    mx = normalized(ax, ex)
    my = normalized(ay, ey)
    ex = exponent(ax, ex)
    ey = exponent(ay, ey)
    # long division, one bit a step: mx < 2**54 throughout, so a Signed holds it
    while ex > ey:
        d = mx - my
        if d >= 0:
            if d == 0:
                return 0.0 * x
            mx = d
        mx = mx << 1
        ex -= 1
    d = mx - my
    if d >= 0:
        if d == 0:
            return 0.0 * x
        mx = d
    while mx < IMPLICIT_ONE:              # put the leading 1 back in place
        mx = mx << 1
        ex -= 1
    if ex > 0:
        r = (mx - IMPLICIT_ONE) | (ex << MANTISSA_BITS)
    else:
        r = mx >> (1 - ex)                # a subnormal result
    return double(r | (ux & ~ABS_MASK))


def normalized(a, e):
    # the mantissa of |x| = a (exponent field e) with its leading 1 at bit 52: a normal
    # double's stored bits plus the implicit one; a subnormal's shifted up to it
    if e != 0:
        return (a & MANTISSA_MASK) | IMPLICIT_ONE
    while a < IMPLICIT_ONE:
        a = a << 1
    return a


def exponent(a, e):
    # the exponent that goes with normalized(a, e): a subnormal's is 1 (its field reads 0,
    # its value is scaled as if 1), minus one for each shift normalized made
    if e != 0:
        return e
    e = 1
    while a < IMPLICIT_ONE:
        a = a << 1
        e -= 1
    return e


def ll_floor(x):
    if not (-TWO_52 < x < TWO_52):
        return x                          # an integer already, an infinity or a NaN
    t = llop.cast_int_to_float(Float, llop.cast_float_to_int(Signed, x))   # towards zero
    if t > x:
        t -= 1.0
    return t


def ll_float_py_mod(vx, wx):
    # CPython's float_rem: fmod has the sign of vx, Python's result the sign of wx
    mod = ll_fmod(vx, wx)
    if mod:
        if (wx < 0.0) != (mod < 0.0):
            mod += wx
    else:
        mod = ll_copysign_zero(wx)
    return mod


def ll_float_py_div(vx, wx):
    # CPython's float_floor_div: (vx - mod) / wx is almost an integer; round it to the one
    # it is meant to be, and give a zero quotient the sign the true quotient has
    mod = ll_fmod(vx, wx)
    div = llop.float_truediv(Float, vx - mod, wx)
    if mod:
        if (wx < 0.0) != (mod < 0.0):
            div -= 1.0
    if div:
        floordiv = ll_floor(div)
        if div - floordiv > 0.5:
            floordiv += 1.0
        return floordiv
    return ll_copysign_zero(llop.float_truediv(Float, vx, wx))


def ll_float_py_div_zer(vx, wx):
    if wx == 0.0:
        raise ZeroDivisionError("float floor division by zero")
    return ll_float_py_div(vx, wx)


def ll_float_py_mod_zer(vx, wx):
    if wx == 0.0:
        raise ZeroDivisionError("float modulo")
    return ll_float_py_mod(vx, wx)


def ll_float_py_truediv_zer(vx, wx):
    if wx == 0.0:
        raise ZeroDivisionError("float division by zero")
    return llop.float_truediv(Float, vx, wx)      # vx / wx would call this helper again
