"""What a ``range`` does beyond iteration (PyPy's ``rrange.py``).

A range is ``GcStruct range {start, stop, step}``, its step never 0 (``range()`` checks).
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Unsigned, Bool
from rpython.rtyper.lltypesystem.lloperation import llop

MAXINT = 0x7FFFFFFFFFFFFFFF


def ll_range_len(r):
    """len(range(start, stop, step)): 1 + (stop - start - 1) // step items when stop is past
    start in the step's direction, else none (CPython's ``compute_range_length``).  The
    distance is taken as an unsigned word, where it always fits (``range(-2**63, 2**63 - 1)``
    spans 2**64 - 1); a length beyond the largest int raises OverflowError, as in CPython."""
    start = r.start
    stop = r.stop
    step = r.step
    if step > 0:
        if stop <= start:
            return 0
        span = llop.uint_sub(Unsigned, llop.cast_int_to_uint(Unsigned, stop), llop.cast_int_to_uint(Unsigned, start))
        by = llop.cast_int_to_uint(Unsigned, step)
    else:
        if stop >= start:
            return 0
        span = llop.uint_sub(Unsigned, llop.cast_int_to_uint(Unsigned, start), llop.cast_int_to_uint(Unsigned, stop))
        # -step as an unsigned word: right even for the smallest int
        by = llop.uint_sub(Unsigned, llop.cast_int_to_uint(Unsigned, 0), llop.cast_int_to_uint(Unsigned, step))
    one = llop.cast_int_to_uint(Unsigned, 1)
    n = llop.uint_add(Unsigned, llop.uint_floordiv(Unsigned, llop.uint_sub(Unsigned, span, one), by), one)
    if llop.uint_gt(Bool, n, llop.cast_int_to_uint(Unsigned, MAXINT)):
        raise OverflowError("Python int too large to convert to C ssize_t")
    return llop.cast_uint_to_int(Signed, n)
