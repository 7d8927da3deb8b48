"""Machine-word arithmetic for RPy.

In translated code an ``int`` is a signed 64-bit machine word and overflow silently wraps
around, as in C.  Untranslated (on CPython or on Taipan's host interpreter) ints are
unbounded, so an RPy program says explicitly what it means when overflow matters:

- ``intmask(x)``: "wrap x to a signed word" (a no-op cast once translated);
- ``ovfcheck(x)``: "x must fit in a signed word, else raise OverflowError"; the annotator
  turns ``ovfcheck(a + b)`` into the checked operation ``int_add_ovf``;
- ``r_uint``: an unsigned word; all arithmetic on it wraps modulo 2**64.

Public names follow PyPy's ``rpython.rlib.rarithmetic``.
"""
import sys

LONG_BIT = 64
LONGLONG_BIT = 64
LONG_MASK = (1 << LONG_BIT) - 1
LONG_TEST = 1 << (LONG_BIT - 1)      # the sign bit of a word
maxint = sys.maxsize                 # 2**63 - 1 on every platform Taipan targets
MININT = -maxint - 1


def intmask(n):
    """Return ``n`` wrapped to a signed 64-bit word (two's complement)."""
    if isinstance(n, float):
        n = int(n)
    n = int(n) & LONG_MASK
    if n & LONG_TEST:
        return n - (1 << LONG_BIT)
    return n


def ovfcheck(r):
    """Return ``r`` unchanged if it fits in a signed word, else raise OverflowError.

    Always wrap the whole operation: ``ovfcheck(a * b)``, not ``ovfcheck(a) * b``.
    """
    if isinstance(r, r_uint):
        raise TypeError("ovfcheck() is for signed ints, not r_uint")
    if r < MININT or r > maxint:
        raise OverflowError("signed integer expression did overflow")
    return r


def is_valid_int(r):
    """True if ``r`` is an int (not a bool) that fits in a signed word."""
    return isinstance(r, int) and not isinstance(r, bool) and MININT <= r <= maxint


def widen(n):
    """Widen a value of a narrow integer type to a full word; words come back unchanged."""
    if isinstance(n, r_uint):
        return n
    return int(n)


def int_between(lo, x, hi):
    """``lo <= x < hi``, written so that the JIT can turn it into one unsigned comparison."""
    return lo <= x < hi


def _wrap_unsigned(value):
    return int(value) & LONG_MASK


def _wrap_signed(value):
    return intmask(value)


class _FixedInt(int):
    """An int that stays within one machine word: every operation wraps with ``_wrap``.

    Mixed operations with plain ints give the fixed type, as in PyPy.
    """
    _wrap = None

    def __new__(cls, value=0):
        return int.__new__(cls, cls._wrap(value))

    def __repr__(self):
        return "%s(%d)" % (type(self).__name__, int(self))

    def __str__(self):
        return str(int(self))

    def __add__(self, other):
        return type(self)(int(self) + int(other))
    __radd__ = __add__

    def __sub__(self, other):
        return type(self)(int(self) - int(other))

    def __rsub__(self, other):
        return type(self)(int(other) - int(self))

    def __mul__(self, other):
        return type(self)(int(self) * int(other))
    __rmul__ = __mul__

    def __floordiv__(self, other):
        return type(self)(int(self) // int(other))

    def __rfloordiv__(self, other):
        return type(self)(int(other) // int(self))

    def __mod__(self, other):
        return type(self)(int(self) % int(other))

    def __rmod__(self, other):
        return type(self)(int(other) % int(self))

    def __and__(self, other):
        return type(self)(int(self) & int(other))
    __rand__ = __and__

    def __or__(self, other):
        return type(self)(int(self) | int(other))
    __ror__ = __or__

    def __xor__(self, other):
        return type(self)(int(self) ^ int(other))
    __rxor__ = __xor__

    def __lshift__(self, n):
        return type(self)(int(self) << int(n))

    def __rshift__(self, n):
        return type(self)(int(self) >> int(n))

    def __neg__(self):
        return type(self)(-int(self))

    def __invert__(self):
        return type(self)(~int(self))

    def __pos__(self):
        return self

    def __abs__(self):
        return type(self)(abs(int(self)))


class r_uint(_FixedInt):
    """Unsigned 64-bit word: ``r_uint(-1) == 2**64 - 1`` and arithmetic wraps modulo 2**64."""
    _wrap = staticmethod(_wrap_unsigned)


class r_int(_FixedInt):
    """Signed 64-bit word with wrapping arithmetic (plain ints are words once translated)."""
    _wrap = staticmethod(_wrap_signed)


# On a 64-bit target "long long" is a word too.
r_longlong = r_int
r_ulonglong = r_uint
