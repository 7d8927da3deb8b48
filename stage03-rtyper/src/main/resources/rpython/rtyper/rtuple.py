"""Tuples as dict keys (PyPy's ``rtuple.py``, its ``gen_eq_function`` and ``gen_hash_function``).

A tuple is ``GcStruct tupleN {item0, item1, ...}``, each item of its own type, so no one
function can loop over the items of every tuple type: the rtyper calls the factory below, at
translation time, once per tuple type, with the field names and the functions that compare and
hash each item's type, and the loops over them are unrolled (``unrolling_iterable``) into one
straight-line function per tuple type.
"""
from rpython.rlib.unroll import unrolling_iterable


def make_tuple_functions(fields):
    """fields: one (name, eq, hash, step) per item.  Returns the tuple type's equality, item by
    item, and its hash, CPython 2's ``tuplehash``: x = 0x345678, then for each item
    x = (x ^ hash(item)) * mult, mult growing by 82520 + 2 * (items left), and + 97531 at the
    end; ``step`` is that growth, counted by the rtyper."""
    items = unrolling_iterable(fields)

    def ll_tuple_eq(a, b):
        for name, eq, hash, step in items:
            if not eq(getattr(a, name), getattr(b, name)):
                return False
        return True

    def ll_tuple_hash(t):
        x = 0x345678
        mult = 1000003
        for name, eq, hash, step in items:
            x = (x ^ hash(getattr(t, name))) * mult
            mult += step
        return x + 97531

    return ll_tuple_eq, ll_tuple_hash
