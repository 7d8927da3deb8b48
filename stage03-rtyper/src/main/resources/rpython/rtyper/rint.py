"""What the integer operations that are more than one instruction mean at the low level.

The rtyper calls these functions in place of the operation (``hop.gendirectcall``): ``a // b``
on two ints becomes ``direct_call(ll_int_py_div_zer, a, b)``, and the graphs of these
functions, annotated and rtyped like any RPy code, are translated with the program.  PyPy
keeps the same functions in ``rpython/rtyper/rint.py``.

Here ints are machine words: ``r * y`` wraps around, as ``int_mul`` does.  So run on the host
(where ints are unbounded) they agree with the translated code except where a word would
overflow: ``MIN // -1`` is ``MIN`` once translated (PyPy's choice; ``ovfcheck`` can catch it).
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Unsigned, Float
from rpython.rtyper.lltypesystem.lloperation import llop

# Shifting a word right by 63 keeps its sign: -1 if it was negative, else 0.
SIGN_SHIFT = 63


def ll_int_py_div(x, y):
    # Python rounds the quotient towards minus infinity, C (and int_floordiv, and x86's idiv)
    # towards zero: the two differ by one exactly when the division is not exact and the
    # operands have opposite signs, i.e. when the remainder x - r*y is not zero and its sign
    # is not y's.  u below is that remainder with y's sign folded in: negative in exactly
    # that case, and u >> 63 is then -1.  No branch on the result, no second division.
    r = llop.int_floordiv(Signed, x, y)
    p = r * y
    if y < 0:
        u = p - x
    else:
        u = x - p
    return r + (u >> SIGN_SHIFT)


def ll_int_py_div_zer(x, y):
    # Python checks the divisor always; C leaves a zero divisor undefined (x86 traps).
    if y == 0:
        raise ZeroDivisionError("integer division or modulo by zero")
    return ll_int_py_div(x, y)


def ll_int_py_mod(x, y):
    # C's remainder has the sign of x, Python's the sign of y: when they differ (and the
    # remainder is not zero), Python's is C's plus y.  y & (u >> 63) is y in that case, else 0.
    r = llop.int_mod(Signed, x, y)
    if y < 0:
        u = -r
    else:
        u = r
    return r + (y & (u >> SIGN_SHIFT))


def ll_int_py_mod_zer(x, y):
    if y == 0:
        raise ZeroDivisionError("integer modulo by zero")
    return ll_int_py_mod(x, y)


def ll_int_py_truediv_zer(x, y):
    # int / int is a float; only the message of the check is the ints' own
    if y == 0:
        raise ZeroDivisionError("division by zero")
    return llop.float_truediv(Float, llop.cast_int_to_float(Float, x), llop.cast_int_to_float(Float, y))


# Unsigned words are never negative, so C's division is already Python's: only the check of
# the divisor makes these more than one instruction.

def ll_uint_py_div_zer(x, y):
    if y == 0:
        raise ZeroDivisionError("integer division or modulo by zero")
    return llop.uint_floordiv(Unsigned, x, y)


def ll_uint_py_mod_zer(x, y):
    if y == 0:
        raise ZeroDivisionError("integer modulo by zero")
    return llop.uint_mod(Unsigned, x, y)


def ll_int_pow(x, y):
    # x ** y for an exponent the annotator proved not negative: squaring and multiplying, each
    # product wrapping around as int_mul does (RPy's ints are words, so a big power wraps as it
    # would in C; ovfcheck is not offered for '**').  O(log y) multiplications.
    result = 1
    while y > 0:
        if y & 1:
            result = llop.int_mul(Signed, result, x)
        y = y >> 1
        if y > 0:
            x = llop.int_mul(Signed, x, x)
    return result


def ll_uint_pow(x, y):
    # the same on unsigned words (modulo 2**64, as r_uint's '**' on the host)
    result = llop.cast_int_to_uint(Unsigned, 1)
    while y:
        if y & 1:
            result = llop.uint_mul(Unsigned, result, x)
        y = y >> 1
        if y:
            x = llop.uint_mul(Unsigned, x, x)
    return result
