"""The builtins on values that are more than one operation (PyPy's ``rbuiltin.py``).

``max(a, b, c)`` is ``ll_max(ll_max(a, b), c)``, one graph per type of value: the ``>``
below is the comparison of that type (``int_gt``, ``float_gt``, ``char_gt``), so there is
one ordering rule per type, the one the program's own comparisons use.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Unsigned
from rpython.rtyper.lltypesystem.lloperation import llop


def ll_max(acc, item):
    # Python's max keeps the first of equal items: replace only on a strictly greater one
    if item > acc:
        return item
    return acc


def ll_min(acc, item):
    if item < acc:
        return item
    return acc


HASH_MODULUS = 0x1FFFFFFFFFFFFFFF     # 2**61 - 1, the prime CPython reduces ints by


def ll_int_hash(x):
    """hash(n) of an int, CPython's: |n| modulo 2**61 - 1 with n's sign, and -2 for -1 (which
    means an error in C).  |n| is taken as an unsigned word, right for the smallest int too."""
    neg = x < 0
    u = llop.cast_int_to_uint(Unsigned, x)
    if neg:
        u = llop.uint_sub(Unsigned, llop.cast_int_to_uint(Unsigned, 0), u)
    h = llop.cast_uint_to_int(Signed, llop.uint_mod(Unsigned, u, llop.cast_int_to_uint(Unsigned, HASH_MODULUS)))
    if neg:
        h = -h
    if h == -1:
        h = -2
    return h
