"""What the operations of lists mean at the low level.

A list the program grows is a ``GcStruct list {length, items: Ptr(GcArray(T))}`` whose array
may be longer than ``length`` (the spare room is what makes ``append`` cheap); a list never
resized is its ``GcArray`` alone.  The rtyper calls these functions in place of the operations
(``hop.gendirectcall``), one graph per list type.  PyPy keeps the same functions in
``rpython/rtyper/rlist.py`` and ``rpython/rtyper/lltypesystem/rlist.py``.

Two kinds of helpers:

* those that change a list's length (``ll_append``, ``ll_pop``, ``ll_insert``, ...) take the
  list struct ``l`` itself;
* those that only read or rearrange items (``ll_contains``, ``ll_sort``, ``ll_concat``, ...)
  take an ``items`` array and the number ``n`` of its items in use, so one helper serves both
  shapes: the rule passes ``l.items, l.length`` or the array and its size.

A helper that makes an array is given its type as its last argument, ``ARRAY``, a constant
(a ``Void`` argument at the low level): there are no types at run time to read it from.
Helpers are trusted: their indexes are not checked, only what Python's semantics checks is.
"""
from rpython.rtyper.lltypesystem.lltype import malloc


# ---- growing and shrinking a resizable list ---------------------------------------------------

def _ll_copy_items(src, srcstart, dst, dststart, count):
    i = 0
    while i < count:
        dst[dststart + i] = src[srcstart + i]
        i += 1


def _ll_list_resize_ge(l, newsize, ARRAY):
    # Over-allocation, CPython's and PyPy's rule: room for about an eighth more, plus 3 or 6,
    # so that n appends copy the items O(n) times in all (the array grows geometrically).
    allocated = len(l.items)
    if allocated < newsize:
        if newsize < 9:
            some = 3
        else:
            some = 6
        new_allocated = newsize + (newsize >> 3) + some
        newitems = malloc(ARRAY, new_allocated)
        _ll_copy_items(l.items, 0, newitems, 0, l.length)
        l.items = newitems
    l.length = newsize


def _ll_list_resize_le(l, newsize, ARRAY):
    # Shrinking keeps the array unless it is now less than half full (PyPy's rule), so that a
    # list that shrinks and grows around one size does not reallocate each time.
    allocated = len(l.items)
    if newsize >= (allocated >> 1) - 5:
        l.length = newsize
        return
    newitems = malloc(ARRAY, newsize + (newsize >> 3) + 3)
    _ll_copy_items(l.items, 0, newitems, 0, newsize)
    l.items = newitems
    l.length = newsize


def ll_append(l, newitem, ARRAY):
    length = l.length
    _ll_list_resize_ge(l, length + 1, ARRAY)
    l.items[length] = newitem


def ll_pop_default(l, ARRAY):
    length = l.length
    if length == 0:
        raise IndexError("pop from empty list")
    res = l.items[length - 1]
    _ll_list_resize_le(l, length - 1, ARRAY)
    return res


def ll_pop(l, index, ARRAY):
    length = l.length
    if length == 0:
        raise IndexError("pop from empty list")
    if index < 0:
        index += length
    if index < 0 or index >= length:
        raise IndexError("pop index out of range")
    items = l.items
    res = items[index]
    _ll_copy_items(items, index + 1, items, index, length - index - 1)
    _ll_list_resize_le(l, length - 1, ARRAY)
    return res


def ll_delitem(l, index, ARRAY):
    length = l.length
    if index < 0:
        index += length
    if index < 0 or index >= length:
        raise IndexError("list assignment index out of range")
    items = l.items
    _ll_copy_items(items, index + 1, items, index, length - index - 1)
    _ll_list_resize_le(l, length - 1, ARRAY)


def ll_remove(EQ, l, x, ARRAY):
    length = l.length
    items = l.items
    i = 0
    while i < length:
        if EQ(items[i], x):
            _ll_copy_items(items, i + 1, items, i, length - i - 1)
            _ll_list_resize_le(l, length - 1, ARRAY)
            return
        i += 1
    raise ValueError("list.remove(x): x not in list")


def ll_clear(l, ARRAY):
    l.items = malloc(ARRAY, 0)
    l.length = 0


def ll_insert(l, index, newitem, ARRAY):
    # insert clamps its index, as Python's does: never an IndexError
    length = l.length
    if index < 0:
        index += length
        if index < 0:
            index = 0
    if index > length:
        index = length
    _ll_list_resize_ge(l, length + 1, ARRAY)
    items = l.items
    i = length
    while i > index:
        items[i] = items[i - 1]
        i -= 1
    items[index] = newitem


def ll_extend(l, items2, n2, ARRAY):
    # items2 and n2 were read before the list grows: l.extend(l) copies the old items once
    length = l.length
    _ll_list_resize_ge(l, length + n2, ARRAY)
    _ll_copy_items(items2, 0, l.items, length, n2)


def ll_mul_inplace(l, times, ARRAY):
    length = l.length
    if times < 0:
        times = 0
    _ll_list_resize_ge(l, length * times, ARRAY)
    items = l.items
    k = 1
    while k < times:
        _ll_copy_items(items, 0, items, k * length, length)
        k += 1


# ---- reading and rearranging items ------------------------------------------------------------

def ll_eq_char_str(c, s):
    # a list of chars searched for a string: equal only to the string of that one char
    return len(s.chars) == 1 and s.chars[0] == c


def ll_contains(EQ, items, n, x):
    i = 0
    while i < n:
        if EQ(items[i], x):
            return True
        i += 1
    return False


def ll_index(EQ, items, n, x):
    i = 0
    while i < n:
        if EQ(items[i], x):
            return i
        i += 1
    raise ValueError("x is not in list")


def ll_count(EQ, items, n, x):
    count = 0
    i = 0
    while i < n:
        if EQ(items[i], x):
            count += 1
        i += 1
    return count


def ll_reverse(items, n):
    i = 0
    j = n - 1
    while i < j:
        tmp = items[i]
        items[i] = items[j]
        items[j] = tmp
        i += 1
        j -= 1


def ll_eq(items1, n1, items2, n2):
    if n1 != n2:
        return False
    i = 0
    while i < n1:
        if items1[i] != items2[i]:
            return False
        i += 1
    return True


# ---- new lists: each returns a new array of exactly the result's length -----------------------

def ll_copy(items, n, ARRAY):
    newitems = malloc(ARRAY, n)
    _ll_copy_items(items, 0, newitems, 0, n)
    return newitems


# A slice's missing bound is the smallest int (the rule's encoding of None): what it means
# depends on the step's sign.


def _ll_bound(i, n, lo, hi):
    # a bound of a slice (a missing one comes as CPython's PySlice_Unpack makes it, see
    # ListRules.newslice): negative counts from the end; clamped to [lo, hi]
    if i < 0:
        i += n
        if i < lo:
            i = lo
    elif i > hi:
        i = hi
    return i


def ll_slice(items, n, start, stop, step, ARRAY):
    # lst[start:stop:step], as CPython's PySlice_AdjustIndices computes its items
    if step == 1:
        start = _ll_bound(start, n, 0, n)
        stop = _ll_bound(stop, n, 0, n)
        if stop < start:
            stop = start
        newitems = malloc(ARRAY, stop - start)
        _ll_copy_items(items, start, newitems, 0, stop - start)
        return newitems
    if step == 0:
        raise ValueError("slice step cannot be zero")
    if step > 0:
        start = _ll_bound(start, n, 0, n)
        stop = _ll_bound(stop, n, 0, n)
        if start < stop:
            count = (stop - start - 1) // step + 1
        else:
            count = 0
    else:
        start = _ll_bound(start, n, -1, n - 1)
        stop = _ll_bound(stop, n, -1, n - 1)
        if stop < start:
            count = (start - stop - 1) // (-step) + 1
        else:
            count = 0
    newitems = malloc(ARRAY, count)
    i = 0
    while i < count:
        newitems[i] = items[start + i * step]
        i += 1
    return newitems


def ll_concat(items1, n1, items2, n2, ARRAY):
    newitems = malloc(ARRAY, n1 + n2)
    _ll_copy_items(items1, 0, newitems, 0, n1)
    _ll_copy_items(items2, 0, newitems, n1, n2)
    return newitems


def ll_mul(items, n, times, ARRAY):
    if times < 0:
        times = 0
    newitems = malloc(ARRAY, n * times)
    k = 0
    while k < times:
        _ll_copy_items(items, 0, newitems, k * n, n)
        k += 1
    return newitems


def ll_mul_fill(n, times, item, ARRAY):
    # [None] * n: the operand's items are one constant, known at translation time (it has no
    # low-level items to copy); the result is a list of a wider type, every item that constant
    if times < 0:
        times = 0
    newitems = malloc(ARRAY, n * times)
    i = 0
    while i < n * times:
        newitems[i] = item
        i += 1
    return newitems


def ll_mul_void(n, times, ARRAY):
    # [None] * n that stays a list of None: its items are nothing at the low level, only a length
    if times < 0:
        times = 0
    return malloc(ARRAY, n * times)


def ll_range_items(start, stop, step, ARRAY):
    # list(range(...)): the number of items first, as CPython computes it
    if step > 0:
        if stop > start:
            n = (stop - start - 1) // step + 1
        else:
            n = 0
    else:
        if start > stop:
            n = (start - stop - 1) // (-step) + 1
        else:
            n = 0
    newitems = malloc(ARRAY, n)
    i = 0
    while i < n:
        newitems[i] = start + i * step
        i += 1
    return newitems


# ---- sorting, min, max, sum -------------------------------------------------------------------

def ll_eq_items(a, b):
    # How numbers, chars and instances (by identity, RPy's ==) are equal: the EQ of their in,
    # index, count and remove (strs, tuples and lists get the rtyper's item_eq of rcontainer.py)
    return a == b


def ll_lt(a, b):
    # How numbers and chars are ordered: the LT of their sort, min and max (strs, tuples and
    # lists get the rtyper's item_lt of rcontainer.py, one graph per item type)
    return a < b


def ll_sort(LT, items, n, ARRAY):
    # A bottom-up merge sort: stable (of two equal items the left one is taken first, as
    # Python's sort keeps equal items in order), O(n log n), one scratch array.  LT is the
    # items' <, a constant: each item type gets its own copy of the sort, calling it directly.
    if n < 2:
        return
    src = items
    dst = malloc(ARRAY, n)
    width = 1
    while width < n:
        lo = 0
        while lo < n:
            mid = lo + width
            if mid > n:
                mid = n
            hi = mid + width
            if hi > n:
                hi = n
            i = lo
            j = mid
            k = lo
            while k < hi:
                if i < mid and (j >= hi or not LT(src[j], src[i])):
                    dst[k] = src[i]
                    i += 1
                else:
                    dst[k] = src[j]
                    j += 1
                k += 1
            lo = hi
        tmp = src
        src = dst
        dst = tmp
        width = width * 2
    if src != items:
        _ll_copy_items(src, 0, items, 0, n)


def ll_sort_reversed(LT, items, n, reverse, ARRAY):
    # sort(reverse=True) keeps equal items in their order: reverse, sort stably, reverse back
    if reverse:
        ll_reverse(items, n)
    ll_sort(LT, items, n, ARRAY)
    if reverse:
        ll_reverse(items, n)


def ll_min(LT, items, n):
    if n == 0:
        raise ValueError("min() arg is an empty sequence")
    best = items[0]
    i = 1
    while i < n:
        if LT(items[i], best):
            best = items[i]
        i += 1
    return best


def ll_max(LT, items, n):
    if n == 0:
        raise ValueError("max() arg is an empty sequence")
    best = items[0]
    i = 1
    while i < n:
        if LT(best, items[i]):   # Python's max keeps the first of equal items too
            best = items[i]
        i += 1
    return best


def ll_sum(items, n, total):
    i = 0
    while i < n:
        total = total + items[i]
        i += 1
    return total


def ll_setslice(l, start, stop, step, items2, n2, ARRAY):
    # lst[start:stop] = other (and del lst[start:stop], with n2 == 0): the bounds clamped as a
    # slice's, the items after the slice moved to their new place, the new ones copied in.
    # items2 may be l's own array (lst[a:b] = lst): it is copied first then.
    if step != 1:
        raise ValueError("slice assignment with a step is not RPy")
    length = l.length
    start = _ll_bound(start, length, 0, length)
    stop = _ll_bound(stop, length, 0, length)
    if stop < start:
        stop = start
    if items2 == l.items:
        items2 = ll_copy(items2, n2, ARRAY)
    tail = length - stop
    newlength = start + n2 + tail
    if newlength > length:
        _ll_list_resize_ge(l, newlength, ARRAY)
        items = l.items
        i = tail - 1
        while i >= 0:
            items[start + n2 + i] = items[stop + i]
            i -= 1
    else:
        items = l.items
        _ll_copy_items(items, stop, items, start + n2, tail)
        _ll_list_resize_le(l, newlength, ARRAY)
        items = l.items
    _ll_copy_items(items2, 0, items, start, n2)
