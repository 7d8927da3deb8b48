"""``unrolling_iterable``: a loop that the flow space unrolls.

    ops = unrolling_iterable([('add', add), ('sub', sub)])

    def dispatch(name, a, b):
        for opname, func in ops:        # unrolled: one copy of the body per item
            if opname == name:
                return func(a, b)

Build it at import time from a list of constants (numbers, strings, functions, classes,
tuples of those).  In translated code a ``for`` over a constant unrolling_iterable is
replaced by one copy of the loop body per item, each with the item as a constant, so the
items need not share one static type.  Untranslated it is an ordinary iterable.
"""


class unrolling_iterable(object):

    def __init__(self, iterable):
        self._items = list(iterable)

    def __iter__(self):
        return iter(self._items)

    def __len__(self):
        return len(self._items)

    def __repr__(self):
        return "unrolling_iterable(%r)" % (self._items,)
