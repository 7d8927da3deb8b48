"""Iterators that are more than a position in a sequence (``IteratorVariants``).

A range's iterator is ``rangeiter {next, stop, step}``: ``next`` the value it gives next,
``stop`` the bound it must not reach (from below when the step is positive, from above when
it is negative).  ``reversed(range(...))`` is the same iterator over the same values in the
other order, so it starts at the last value and steps by ``-step`` to one step before the
first; CPython's ``range.__reversed__`` computes the same three numbers.
"""


def ll_range_length(start, stop, step):
    """How many values range(start, stop, step) has (CPython's get_len_of_range)."""
    if step > 0:
        if start >= stop:
            return 0
        return (stop - start - 1) // step + 1
    if start <= stop:
        return 0
    return (start - stop - 1) // (-step) + 1


def ll_reverse_rangeiter(it):
    """Turns a new iterator over range(start, stop, step) into one over its reverse."""
    start = it.next
    step = it.step
    n = ll_range_length(start, it.stop, step)
    if n == 0:
        it.stop = start          # next == stop: nothing to give, whichever the direction
        return
    it.next = start + (n - 1) * step
    it.stop = start - step
    it.step = -step
