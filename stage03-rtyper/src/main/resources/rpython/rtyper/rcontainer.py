"""Containers as text and in order: repr() of lists, tuples and dicts, and the comparisons that
sort(), min(), max() and a tuple's < use.

Two kinds of function live here.  The first ones (``item_repr``, ``item_eq``, ``item_cmp``,
``item_lt``, ``list_of``, ``list_into``) are plain Python over high-level values: the rtyper annotates each once per item
type (``item_repr[tuple(int, str)]``) and rtypes it with the program's own rules, so what one
item becomes (a str quoted, an instance's __repr__ through its vtable, a nested tuple in
parentheses) is decided in one place.  The others are the loops, over low-level pointers; they
take an item function as their first argument, a constant (PyPy's ``r_item.ll_str`` passed as
a Void constant), so each container type gets its own copy of the loop with a direct call
inside (see ItemFunctions and LLGraphFunction).
"""
from rpython.rtyper.lltypesystem.lltype import STR, malloc
from rpython.rtyper.rstr import ll_copy, ll_join, ll_strconcat
from rpython.rtyper.rformat import ll_bracket


# ---- one item: high-level functions, annotated per item type ---------------------------------

def item_repr(x):
    return repr(x)


def item_repr_or_none(x):
    if x is None:
        return "None"
    return repr(x)


def item_eq(a, b):
    return a == b


def item_lt(a, b):
    return a < b


def list_of(iterable):
    # list(x) of what is neither a list nor a range (a str, a tuple, a dict, an iterator): the
    # program's own for-loop over x, annotated per type of x, so every iterable the rules can
    # loop over can be listed; the rtyper copies the result into the list the program expects
    result = []
    for x in iterable:
        result.append(x)
    return result


def list_into(result, iterable):
    # the same loop, appending to the (empty, resizable) list the program gets: annotated with
    # that list's own annotation, each append converts an item to what the list stores (a char
    # where the program also appends strs), and no copy is made
    for x in iterable:
        result.append(x)


def item_cmp(a, b):
    # Python orders sequences by their first items that are not equal (==), then by < on
    # those two: -1 if a < b there, 1 otherwise (so an unordered pair, a NaN, counts as greater)
    if a == b:
        return 0
    if a < b:
        return -1
    return 1


# ---- the loops ---------------------------------------------------------------------------------

def ll_list_repr(ITEM_REPR, PIECES, items, n, sep):
    """'[1, 2, 3]': each item's repr (sep is the prebuilt ', ')."""
    pieces = malloc(PIECES, n)
    i = 0
    while i < n:
        pieces[i] = ITEM_REPR(items[i])
        i += 1
    return ll_bracket('[', ll_join(sep, pieces, n), ']')


def ll_tuple_repr(pieces, n, sep):
    """'(a, b)' from the items' reprs, and '(a,)' for one item: a tuple's text is not a
    parenthesised expression."""
    body = ll_join(sep, pieces, n)
    if n != 1:
        return ll_bracket('(', body, ')')
    m = len(body.chars)
    r = malloc(STR, m + 3)
    r.chars[0] = '('
    ll_copy(r, 1, body, 0, m)
    r.chars[m + 1] = ','
    r.chars[m + 2] = ')'
    return r


def ll_dict_repr(KEY_REPR, VALUE_REPR, PIECES, d, sep, colon):
    """"{'a': 1, 'b': 2}", in insertion order: the live items of the dense arrays."""
    pieces = malloc(PIECES, d.num_live)
    j = 0
    i = 0
    while i < d.num_ever_used:
        if d.valid[i]:
            pieces[j] = ll_strconcat(ll_strconcat(KEY_REPR(d.keys[i]), colon), VALUE_REPR(d.values[i]))
            j += 1
        i += 1
    return ll_bracket('{', ll_join(sep, pieces, j), '}')


def ll_list_eq(ITEM_EQ, a, na, b, nb):
    """lst1 == lst2 for items whose == is a function (strs, tuples, lists)."""
    if na != nb:
        return False
    i = 0
    while i < na:
        if not ITEM_EQ(a[i], b[i]):
            return False
        i += 1
    return True


def ll_list_cmp(ITEM_CMP, a, na, b, nb):
    """Lists in order: the first items that differ decide, else the shorter list is smaller."""
    i = 0
    while i < na and i < nb:
        c = ITEM_CMP(a[i], b[i])
        if c != 0:
            return c
        i += 1
    if na < nb:
        return -1
    if na > nb:
        return 1
    return 0
