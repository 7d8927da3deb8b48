"""What the operations on strings mean at the low level.

A string is a pointer to ``STR``, ``GcStruct rpy_string {hash: Signed, chars: Array(Char)}``:
the rtyper's own type (``lltype.STR``), whose bytes are inlined in the struct.  ``s.chars`` is
an interior pointer: ``s.chars[i]`` reads a byte of the struct (``getinteriorfield``),
``len(s.chars)`` its length, and ``malloc(STR, n)`` a new string of ``n`` zero bytes, which
the helper fills before anyone else sees it (strings are immutable once returned).

The rtyper calls these functions in place of the operations on strs (``StrRules``): ``s + t``
is ``direct_call(ll_strconcat, s, t)``.  PyPy keeps the same functions, with the same names,
in ``rpython/rtyper/lltypesystem/rstr.py``.  A str that may be None is a null pointer; the
helpers that may see one say so (``ll_streq``).
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Char, Bool, STR, malloc, nullptr
from rpython.rtyper.lltypesystem.lloperation import llop


def ll_chr2str(c):
    s = malloc(STR, 1)
    s.chars[0] = c
    return s


def ll_copy(dst, at, src, start, stop):
    """Copies src.chars[start:stop] into dst.chars from at on."""
    i = start
    while i < stop:
        dst.chars[at] = src.chars[i]
        at += 1
        i += 1


def ll_strconcat(s1, s2):
    n1 = len(s1.chars)
    n2 = len(s2.chars)
    r = malloc(STR, n1 + n2)
    ll_copy(r, 0, s1, 0, n1)
    ll_copy(r, n1, s2, 0, n2)
    return r


def ll_strmul(s, n):
    m = len(s.chars)
    if n < 0:
        n = 0
    r = malloc(STR, m * n)
    i = 0
    while i < n:
        ll_copy(r, i * m, s, 0, m)
        i += 1
    return r


def ll_exception_str(message):
    """str() of an exception: its message, or '' for one made without (``ValueError()``)."""
    if not message:
        return malloc(STR, 0)
    return message


def ll_streq(s1, s2):
    if s1 == s2:                 # the same string, or both None
        return True
    if not s1 or not s2:
        return False
    n = len(s1.chars)
    if len(s2.chars) != n:
        return False
    i = 0
    while i < n:
        if s1.chars[i] != s2.chars[i]:
            return False
        i += 1
    return True


def ll_strcmp(s1, s2):
    """Negative, zero or positive as s1 sorts before, with or after s2 (bytes compare unsigned)."""
    n1 = len(s1.chars)
    n2 = len(s2.chars)
    n = n1
    if n2 < n:
        n = n2
    i = 0
    while i < n:
        d = llop.cast_char_to_int(Signed, s1.chars[i]) - llop.cast_char_to_int(Signed, s2.chars[i])
        if d != 0:
            return d
        i += 1
    return n1 - n2


def ll_clamp(i, n):
    """A slice bound as Python reads it: negative counts from the end, then into [0, n]."""
    if i < 0:
        i += n
        if i < 0:
            i = 0
    if i > n:
        i = n
    return i


def ll_search_start(i, n):
    """The start of a search (find, count, startswith): as a slice's, but not clamped to n, so
    that a start past the end finds nothing, not even the empty string (CPython's ADJUST_INDICES)."""
    if i < 0:
        i += n
        if i < 0:
            i = 0
    return i


def ll_slice(s, start, stop):
    n = len(s.chars)
    start = ll_clamp(start, n)
    stop = ll_clamp(stop, n)
    if stop < start:
        stop = start
    r = malloc(STR, stop - start)
    ll_copy(r, 0, s, start, stop)
    return r


def ll_adjust(i, n, step):
    """A bound of a slice with a step, as CPython's PySlice_AdjustIndices reads it."""
    if i < 0:
        i += n
        if i < 0:
            if step < 0:
                return -1
            return 0
    elif i >= n:
        if step < 0:
            return n - 1
        return n
    return i


def ll_slice_step(s, start, stop, step, has_start, has_stop):
    """s[start:stop:step]; a bound not given (has_start false) is the end the step starts from."""
    if step == 0:
        raise ValueError("slice step cannot be zero")
    n = len(s.chars)
    if has_start:
        start = ll_adjust(start, n, step)
    elif step < 0:
        start = n - 1
    else:
        start = 0
    if has_stop:
        stop = ll_adjust(stop, n, step)
    elif step < 0:
        stop = -1
    else:
        stop = n
    length = 0
    if step > 0 and stop > start:
        length = llop.int_floordiv(Signed, stop - start - 1, step) + 1
    elif step < 0 and start > stop:
        length = llop.int_floordiv(Signed, start - stop - 1, -step) + 1
    r = malloc(STR, length)
    i = 0
    while i < length:
        r.chars[i] = s.chars[start + i * step]
        i += 1
    return r


def ll_match_at(s, sub, at):
    m = len(sub.chars)
    j = 0
    while j < m:
        if s.chars[at + j] != sub.chars[j]:
            return False
        j += 1
    return True


def ll_find(s, sub, start, end):
    n = len(s.chars)
    start = ll_search_start(start, n)
    end = ll_clamp(end, n)
    i = start
    last = end - len(sub.chars)
    if last < start:
        return -1
    while i <= last:
        if ll_match_at(s, sub, i):
            return i
        i += 1
    return -1


def ll_rfind(s, sub, start, end):
    n = len(s.chars)
    start = ll_search_start(start, n)
    end = ll_clamp(end, n)
    i = end - len(sub.chars)
    if i < start:
        return -1
    while i >= start:
        if ll_match_at(s, sub, i):
            return i
        i -= 1
    return -1


def ll_find_char(s, c):
    n = len(s.chars)
    i = 0
    while i < n:
        if s.chars[i] == c:
            return i
        i += 1
    return -1


def ll_contains(s, sub):
    return ll_find(s, sub, 0, len(s.chars)) >= 0


def ll_contains_char(s, c):
    return ll_find_char(s, c) >= 0


def ll_count(s, sub, start, end):
    n = len(s.chars)
    start = ll_search_start(start, n)
    end = ll_clamp(end, n)
    m = len(sub.chars)
    if end - start < m:
        return 0
    if m == 0:
        return end - start + 1
    count = 0
    i = start
    while i <= end - m:
        if ll_match_at(s, sub, i):
            count += 1
            i += m
        else:
            i += 1
    return count


def ll_startswith(s, prefix, start, end):
    n = len(s.chars)
    start = ll_search_start(start, n)
    end = ll_clamp(end, n)
    m = len(prefix.chars)
    if end - start < m:
        return False
    return ll_match_at(s, prefix, start)


def ll_endswith(s, suffix, start, end):
    n = len(s.chars)
    start = ll_search_start(start, n)
    end = ll_clamp(end, n)
    m = len(suffix.chars)
    if end - start < m:
        return False
    return ll_match_at(s, suffix, end - m)


def ll_isspace_char(c):
    return c == ' ' or c == '\t' or c == '\n' or c == '\r' or c == '\x0b' or c == '\x0c'


def ll_isdigit_char(c):
    return '0' <= c and c <= '9'


def ll_isalpha_char(c):
    return 'a' <= c and c <= 'z' or 'A' <= c and c <= 'Z'


def ll_strip_char(c, chars, whitespace):
    if whitespace:
        return ll_isspace_char(c)
    return ll_find_char(chars, c) >= 0


def ll_strip(s, chars, whitespace, left, right):
    """s.strip(), lstrip(), rstrip(): chars, unless whitespace, are the bytes to take off."""
    n = len(s.chars)
    lo = 0
    hi = n
    if left:
        while lo < hi and ll_strip_char(s.chars[lo], chars, whitespace):
            lo += 1
    if right:
        while hi > lo and ll_strip_char(s.chars[hi - 1], chars, whitespace):
            hi -= 1
    return ll_slice(s, lo, hi)


def ll_upper(s):
    n = len(s.chars)
    r = malloc(STR, n)
    i = 0
    while i < n:
        c = s.chars[i]
        if 'a' <= c and c <= 'z':
            c = llop.cast_int_to_char(Char, llop.cast_char_to_int(Signed, c) - 32)
        r.chars[i] = c
        i += 1
    return r


def ll_lower(s):
    n = len(s.chars)
    r = malloc(STR, n)
    i = 0
    while i < n:
        c = s.chars[i]
        if 'A' <= c and c <= 'Z':
            c = llop.cast_int_to_char(Char, llop.cast_char_to_int(Signed, c) + 32)
        r.chars[i] = c
        i += 1
    return r


def ll_isdigit(s):
    n = len(s.chars)
    if n == 0:
        return False
    i = 0
    while i < n:
        if not ll_isdigit_char(s.chars[i]):
            return False
        i += 1
    return True


def ll_isalpha(s):
    n = len(s.chars)
    if n == 0:
        return False
    i = 0
    while i < n:
        if not ll_isalpha_char(s.chars[i]):
            return False
        i += 1
    return True


def ll_isalnum(s):
    n = len(s.chars)
    if n == 0:
        return False
    i = 0
    while i < n:
        c = s.chars[i]
        if not ll_isalpha_char(c) and not ll_isdigit_char(c):
            return False
        i += 1
    return True


def ll_isspace(s):
    n = len(s.chars)
    if n == 0:
        return False
    i = 0
    while i < n:
        if not ll_isspace_char(s.chars[i]):
            return False
        i += 1
    return True


def ll_isupper(s):
    """At least one cased char, and no lowercase one (ASCII: the bytes a-z and A-Z are cased)."""
    cased = False
    i = 0
    while i < len(s.chars):
        c = s.chars[i]
        if 'a' <= c and c <= 'z':
            return False
        if 'A' <= c and c <= 'Z':
            cased = True
        i += 1
    return cased


def ll_islower(s):
    cased = False
    i = 0
    while i < len(s.chars):
        c = s.chars[i]
        if 'A' <= c and c <= 'Z':
            return False
        if 'a' <= c and c <= 'z':
            cased = True
        i += 1
    return cased


def ll_index(s, sub, start, end):
    """s.index(sub[, start[, end]]): s.find's answer, or ValueError where find gives -1."""
    i = ll_find(s, sub, start, end)
    if i < 0:
        raise ValueError("substring not found")
    return i


def ll_just(s, width, fill, left):
    """s.ljust(width[, fill]) if left, else s.rjust: s itself when it is wide enough."""
    n = len(s.chars)
    if width <= n:
        return s
    r = malloc(STR, width)
    at = 0
    if not left:
        at = width - n
    i = 0
    while i < width:
        r.chars[i] = fill
        i += 1
    ll_copy(r, at, s, 0, n)
    return r


def ll_replace(s, old, new, maxcount):
    """s.replace(old, new), at most maxcount times if maxcount >= 0."""
    n = len(s.chars)
    m = len(old.chars)
    k = len(new.chars)
    # count first, then fill the result in one pass
    count = 0
    if m == 0:
        count = n + 1
    else:
        i = 0
        while i <= n - m:
            if ll_match_at(s, old, i):
                count += 1
                i += m
            else:
                i += 1
    if maxcount >= 0 and count > maxcount:
        count = maxcount
    r = malloc(STR, n + count * (k - m))
    i = 0
    at = 0
    done = 0
    while i <= n:
        if done < count and (m == 0 or i <= n - m and ll_match_at(s, old, i)):
            ll_copy(r, at, new, 0, k)
            at += k
            done += 1
            if m == 0:
                if i < n:
                    r.chars[at] = s.chars[i]
                    at += 1
                i += 1
            else:
                i += m
        else:
            if i < n:
                r.chars[at] = s.chars[i]
                at += 1
            i += 1
    return r


def ll_int2dec(x):
    """str(x) of an int: its decimal digits, computed on the negative value so that the
    smallest int (whose negation does not fit a word) comes out right."""
    neg = x < 0
    if not neg:
        x = -x
    digits = malloc(STR, 20)
    n = 0
    while True:
        q = llop.int_floordiv(Signed, x, 10)       # C's division: towards zero
        d = q * 10 - x                            # 0..9, since x <= 0
        digits.chars[n] = llop.cast_int_to_char(Char, 48 + d)
        n += 1
        x = q
        if x == 0:
            break
    extra = 0
    if neg:
        extra = 1
    r = malloc(STR, n + extra)
    if neg:
        r.chars[0] = '-'
    i = 0
    while i < n:
        r.chars[extra + i] = digits.chars[n - 1 - i]
        i += 1
    return r


def ll_hex_digit(d):
    if d < 10:
        return llop.cast_int_to_char(Char, 48 + d)
    return llop.cast_int_to_char(Char, 87 + d)


def ll_repr_char(c, quote):
    """How repr() writes one byte, inside quotes quote: its length, 1, 2 or 4."""
    if c == '\\' or c == quote or c == '\n' or c == '\t' or c == '\r':
        return 2
    o = llop.cast_char_to_int(Signed, c)
    if o < 32 or 127 <= o and o <= 160 or o == 173:      # what Python 3 does not print of Latin-1
        return 4
    return 1


def ll_repr(s):
    n = len(s.chars)
    quote = '\''
    if ll_find_char(s, '\'') >= 0 and ll_find_char(s, '"') < 0:
        quote = '"'
    size = 2
    i = 0
    while i < n:
        size += ll_repr_char(s.chars[i], quote)
        i += 1
    r = malloc(STR, size)
    r.chars[0] = quote
    at = 1
    i = 0
    while i < n:
        c = s.chars[i]
        k = ll_repr_char(c, quote)
        if k == 1:
            r.chars[at] = c
        elif k == 2:
            r.chars[at] = '\\'
            if c == '\n':
                c = 'n'
            elif c == '\t':
                c = 't'
            elif c == '\r':
                c = 'r'
            r.chars[at + 1] = c
        else:
            o = llop.cast_char_to_int(Signed, c)
            r.chars[at] = '\\'
            r.chars[at + 1] = 'x'
            r.chars[at + 2] = ll_hex_digit(o >> 4)
            r.chars[at + 3] = ll_hex_digit(o & 15)
        at += k
        i += 1
    r.chars[at] = quote
    return r


def ll_int_parse(s):
    """int(s) in base 10: spaces around, a sign, digits (and single underscores between them)."""
    n = len(s.chars)
    i = 0
    while i < n and ll_isspace_char(s.chars[i]):
        i += 1
    while n > i and ll_isspace_char(s.chars[n - 1]):
        n -= 1
    neg = False
    if i < n and (s.chars[i] == '-' or s.chars[i] == '+'):
        neg = s.chars[i] == '-'
        i += 1
    if i >= n:
        raise ValueError("invalid literal for int() with base 10")
    x = 0
    while i < n:
        c = s.chars[i]
        if c == '_' and i + 1 < n and i > 0 and ll_isdigit_char(s.chars[i - 1]) and ll_isdigit_char(s.chars[i + 1]):
            i += 1
            continue
        if not ll_isdigit_char(c):
            raise ValueError("invalid literal for int() with base 10")
        x = x * 10 - (llop.cast_char_to_int(Signed, c) - 48)     # negative, as ll_int2dec: MIN fits
        i += 1
    if neg:
        return x
    return -x


def ll_digit_value(c):
    # the value of a digit in bases up to 36 ('a' and 'A' are 10), or 99 for any other char
    if '0' <= c and c <= '9':
        return llop.cast_char_to_int(Signed, c) - 48
    if 'a' <= c and c <= 'z':
        return llop.cast_char_to_int(Signed, c) - 87
    if 'A' <= c and c <= 'Z':
        return llop.cast_char_to_int(Signed, c) - 55
    return 99


def ll_int_base_error(base):
    # the message must be a constant: CPython's, less the literal, for the bases programs use
    if base == 16:
        raise ValueError("invalid literal for int() with base 16")
    if base == 8:
        raise ValueError("invalid literal for int() with base 8")
    if base == 2:
        raise ValueError("invalid literal for int() with base 2")
    if base == 0:
        raise ValueError("invalid literal for int() with base 0")
    if base == 10:
        raise ValueError("invalid literal for int() with base 10")
    raise ValueError("invalid literal for int() with the base given")


def ll_int_parse_base(s, base):
    """int(s, base): spaces around, a sign, the prefix 0x, 0o or 0b of the base (any of them
    if base is 0, which is then 16, 8, 2 or 10, and forbids a leading 0 in base 10), digits of
    the base with single underscores between them (and after a prefix), as CPython reads them."""
    if base != 0 and (base < 2 or base > 36):
        raise ValueError("int() base must be >= 2 and <= 36, or 0")
    given = base
    n = len(s.chars)
    i = 0
    while i < n and ll_isspace_char(s.chars[i]):
        i += 1
    while n > i and ll_isspace_char(s.chars[n - 1]):
        n -= 1
    neg = False
    if i < n and (s.chars[i] == '-' or s.chars[i] == '+'):
        neg = s.chars[i] == '-'
        i += 1
    prefixed = False
    if i + 1 < n and s.chars[i] == '0':
        p = s.chars[i + 1]
        if (p == 'x' or p == 'X') and (base == 16 or base == 0):
            base = 16
            prefixed = True
        elif (p == 'o' or p == 'O') and (base == 8 or base == 0):
            base = 8
            prefixed = True
        elif (p == 'b' or p == 'B') and (base == 2 or base == 0):
            base = 2
            prefixed = True
    if prefixed:
        i += 2
    start = i
    leading_zero = base == 0 and i < n and s.chars[i] == '0'
    if base == 0:
        base = 10
    if i >= n:
        ll_int_base_error(given)
    x = 0
    nonzero = False
    while i < n:
        c = s.chars[i]
        if c == '_' and i + 1 < n and (i > start or prefixed) and ll_digit_value(s.chars[i + 1]) < base:
            if i == start or ll_digit_value(s.chars[i - 1]) < base:
                i += 1
                continue
        d = ll_digit_value(c)
        if d >= base:
            ll_int_base_error(given)
        if d != 0:
            nonzero = True
        x = x * base - d     # negative, as ll_int2dec: MIN fits
        i += 1
    if leading_zero and nonzero:
        ll_int_base_error(0)   # '010' is not an int literal
    if neg:
        return x
    return -x


def ll_join(sep, items, n):
    """sep.join(xs): items is the list's array, n its length."""
    if n == 0:
        return malloc(STR, 0)
    m = len(sep.chars)
    size = m * (n - 1)
    i = 0
    while i < n:
        size += len(items[i].chars)
        i += 1
    r = malloc(STR, size)
    at = 0
    i = 0
    while i < n:
        if i > 0:
            ll_copy(r, at, sep, 0, m)
            at += m
        item = items[i]
        k = len(item.chars)
        ll_copy(r, at, item, 0, k)
        at += k
        i += 1
    return r


def ll_join_chars(sep, items, n):
    """sep.join(cs) of a list of chars."""
    if n == 0:
        return malloc(STR, 0)
    m = len(sep.chars)
    r = malloc(STR, n + m * (n - 1))
    at = 0
    i = 0
    while i < n:
        if i > 0:
            ll_copy(r, at, sep, 0, m)
            at += m
        r.chars[at] = items[i]
        at += 1
        i += 1
    return r


def ll_split_scan(s, sep, whitespace, maxsplit, items, fill):
    """The pieces of s.split(sep, maxsplit) (whitespace: s.split(None, maxsplit)), counted, and
    stored in items if fill.  A maxsplit below 0 is no limit.  After maxsplit splits the rest
    is one piece: split on whitespace, it starts at the next word and keeps its trailing
    whitespace (``'a b  c '.split(None, 1)`` is ``['a', 'b  c ']``), as CPython's."""
    n = len(s.chars)
    k = 0
    i = 0
    if whitespace:
        while True:
            while i < n and ll_isspace_char(s.chars[i]):
                i += 1
            if i >= n:
                break
            if maxsplit >= 0 and k == maxsplit:
                if fill:
                    items[k] = ll_slice(s, i, n)
                k += 1
                break
            start = i
            while i < n and not ll_isspace_char(s.chars[i]):
                i += 1
            if fill:
                items[k] = ll_slice(s, start, i)
            k += 1
        return k
    m = len(sep.chars)
    if m == 0:
        raise ValueError("empty separator")
    start = 0
    while i <= n - m and (maxsplit < 0 or k < maxsplit):
        if ll_match_at(s, sep, i):
            if fill:
                items[k] = ll_slice(s, start, i)
            k += 1
            i += m
            start = i
        else:
            i += 1
    if fill:
        items[k] = ll_slice(s, start, n)
    return k + 1


def ll_split_pieces(ITEMS, s, sep, whitespace, maxsplit):
    """s.split(sep[, maxsplit]), or s.split() if whitespace: the pieces in an array of their
    exact number, counted in a first pass."""
    count = ll_split_scan(s, sep, whitespace, maxsplit, malloc(ITEMS, 0), False)
    items = malloc(ITEMS, count)
    ll_split_scan(s, sep, whitespace, maxsplit, items, True)
    return items


def ll_split_list(LIST, ITEMS, s, sep, whitespace, maxsplit):
    items = ll_split_pieces(ITEMS, s, sep, whitespace, maxsplit)
    lst = malloc(LIST)
    lst.length = len(items)
    lst.items = items
    return lst

