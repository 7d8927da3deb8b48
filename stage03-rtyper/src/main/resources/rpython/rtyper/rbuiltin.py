"""The builtins on values that are more than one operation (PyPy's ``rbuiltin.py``).

``max(a, b, c)`` is ``ll_max(ll_max(a, b), c)``, one graph per type of value: the ``>``
below is the comparison of that type (``int_gt``, ``float_gt``, ``char_gt``), so there is
one ordering rule per type, the one the program's own comparisons use.
"""


def ll_max(acc, item):
    # Python's max keeps the first of equal items: replace only on a strictly greater one
    if item > acc:
        return item
    return acc


def ll_min(acc, item):
    if item < acc:
        return item
    return acc
