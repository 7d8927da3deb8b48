"""``fmt % args`` when the format is known only at run time: ``("%." + str(p) + "f") % x``.

A constant format is read by the rtyper (``StringFormatting``, helpers in ``rformat.py``).  Here
the format is a string the program computed, so it is read by these helpers while the program
runs, the way CPython's ``PyUnicode_Format`` reads it; what the rtyper still knows is the static
type of every argument.  So it emits, for each argument in order, one call of the helper for
that type (``ll_fmt_int(st, x)``, ``ll_fmt_float``, ``ll_fmt_str``, ``ll_fmt_object`` for the
rest) over one FORMATTER, a small state: the format, how far it has been read, the
specifier being read, and the text built so far.  Each call

1. copies the text up to the next specifier (``%%`` is one ``%``) and parses the specifier:
   flags ``-0+ #``, a width, ``.precision``, a length modifier ``h l L`` (ignored, as Python
   ignores it) and the type char; a ``*`` width or precision stops the parse, and the argument
   is taken as that number instead (the next argument resumes the same specifier);
2. converts the argument as the type char says, with the same helpers the constant formats
   use (``rstr.ll_int2dec``, ``rformat.ll_int2base``, ``rdtoa.ll_percent_float``,
   ``rdtoa.ll_float_repr``, ``rstr.ll_repr``), or raises CPython's TypeError or ValueError
   when the char does not fit the argument's type.

``ll_fmt_finish`` copies the rest of the format and raises "not enough arguments" if a
specifier is left.  The errors are CPython's, word for word.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Unsigned, Float, Bool, Char, STR, GcStruct, Ptr, malloc
from rpython.rtyper.lltypesystem.lloperation import llop
from rpython.rtyper.rstr import ll_int2dec, ll_repr, ll_copy, ll_strconcat
from rpython.rtyper.rformat import ll_int2base, ll_uint2base
from rpython.rtyper.rdtoa import ll_percent_float, ll_float_repr
from rpython.rtyper.rmath import ll_float_to_int, INF, TWO_63

# phase: 0 between specifiers, 1 flags read (a width next), 2 width read (a precision next),
# 3 precision read (the type char next)
FORMATTER = GcStruct('FORMATTER', ('fmt', Ptr(STR)), ('pos', Signed), ('phase', Signed),
                     ('mapping', Bool),
                     ('left', Bool), ('zero', Bool), ('plus', Bool), ('blank', Bool), ('alt', Bool),
                     ('width', Signed), ('prec', Signed),
                     ('buf', Ptr(STR)), ('n', Signed),
                     ('error', Signed), ('message', Ptr(STR)))

# The error a conversion found.  It is raised by ll_fmt_finish, the last call of the
# operation, since only the last operation of a block reaches the handler of a try (the
# calls before it are checked by nobody): so every helper before it records the error and
# the rest of the format is skipped.
NO_ERROR = 0
TYPE_ERROR = 1
VALUE_ERROR = 2
OVERFLOW_ERROR = 3
SKIP = '\x01'        # what next_conversion returns once an error is recorded


def ll_fmt_start(fmt, mapping):
    """The state for one ``fmt % args``; mapping: the one argument is a list or a dict, which
    CPython takes as a mapping, so a format that uses none of it is no error."""
    st = malloc(FORMATTER)
    st.fmt = fmt
    st.pos = 0
    st.phase = 0
    st.mapping = mapping
    st.buf = malloc(STR, len(fmt.chars) + 16)
    st.n = 0
    st.error = NO_ERROR
    return st


def fail(st, kind, message):
    if st.error == NO_ERROR:
        st.error = kind
        st.message = message


# ---- the text being built ------------------------------------------------------------------

def reserve(st, k):
    """Room for k more chars (the buffer doubles: n appends copy O(n) chars in all)."""
    need = st.n + k
    cap = len(st.buf.chars)
    if need <= cap:
        return
    while cap < need:
        cap = cap * 2 + 16
    buf = malloc(STR, cap)
    ll_copy(buf, 0, st.buf, 0, st.n)
    st.buf = buf


def put_char(st, c):
    reserve(st, 1)
    st.buf.chars[st.n] = c
    st.n += 1


def put_fill(st, c, k):
    if k <= 0:
        return
    reserve(st, k)
    i = 0
    while i < k:
        st.buf.chars[st.n + i] = c
        i += 1
    st.n += k


def put(st, s, start, stop):
    reserve(st, stop - start)
    ll_copy(st.buf, st.n, s, start, stop)
    st.n += stop - start


# The messages' words.  A str constant in a helper is the host's str, not an rpy_string, so
# they are kept in one prebuilt str, TEXT, and text(span) copies one out; a span is an int
# (start * 65536 + length), computed here at import time on the host.
FRAGMENTS = []


def fragment(words):
    start = 0
    for f in FRAGMENTS:
        start += len(f)
    FRAGMENTS.append(words)
    return start * 65536 + len(words)


T_TRUE = fragment("True")
T_FALSE = fragment("False")
T_FLOAT = fragment("float")
T_STR = fragment("str")
T_PERCENT = fragment("%")
T_UNSUPPORTED = fragment("unsupported format character '")
T_HEX = fragment("' (0x")
T_AT_INDEX = fragment(") at index ")
T_MUST_BE_REAL = fragment("must be real number, not ")
T_REAL_REQUIRED = fragment(" format: a real number is required, not ")
T_INT_REQUIRED = fragment(" format: an integer is required, not ")
T_NOT_ENOUGH = fragment("not enough arguments for format string")
T_NOT_ALL = fragment("not all arguments converted during string formatting")
T_MAPPING = fragment("format requires a mapping")
T_INCOMPLETE = fragment("incomplete format")
T_C_REQUIRES = fragment("%c requires int or char")
T_STAR = fragment("* wants int")
T_C_RANGE = fragment("%c arg not in range(0x110000)")
T_C_BYTES = fragment("%c arg not in range(256): an RPy str holds bytes")
T_NAN = fragment("cannot convert float NaN to integer")
T_INF = fragment("cannot convert float infinity to integer")
T_TOO_LARGE = fragment("int too large to convert to a machine word")
TEXT = "".join(FRAGMENTS)


def text(span):
    start = span >> 16
    n = span & 65535
    r = malloc(STR, n)
    i = 0
    while i < n:
        r.chars[i] = TEXT[start + i]
        i += 1
    return r


# ---- reading the format --------------------------------------------------------------------

def peek(st):
    if st.pos < len(st.fmt.chars):
        return st.fmt.chars[st.pos]
    return '\x00'


def is_digit(c):
    return '0' <= c and c <= '9'


def number(st):
    n = 0
    while is_digit(peek(st)):
        n = n * 10 + (llop.cast_char_to_int(Signed, st.fmt.chars[st.pos]) - 48)
        st.pos += 1
    return n


def copy_literal(st):
    """Copies the text up to the next specifier; True if one starts at st.pos (after its '%')."""
    fmt = st.fmt
    n = len(fmt.chars)
    while st.pos < n:
        c = fmt.chars[st.pos]
        if c != '%':
            put_char(st, c)
            st.pos += 1
        elif st.pos + 1 < n and fmt.chars[st.pos + 1] == '%':
            put_char(st, '%')
            st.pos += 2
        else:
            st.pos += 1
            return True
    return False


def begin_spec(st):
    """The flags of a specifier, read after its '%'."""
    st.left = False
    st.zero = False
    st.plus = False
    st.blank = False
    st.alt = False
    st.width = -1
    st.prec = -1
    if peek(st) == '(':
        fail(st, TYPE_ERROR, text(T_MAPPING))
        return
    while True:
        c = peek(st)
        if c == '-':
            st.left = True
        elif c == '0':
            st.zero = True
        elif c == '+':
            st.plus = True
        elif c == ' ':
            st.blank = True
        elif c == '#':
            st.alt = True
        else:
            break
        st.pos += 1
    st.phase = 1


def parse(st):
    """Reads on in the current specifier: the type char, or '*' when a width or precision is
    the next argument (st.phase then says which)."""
    if st.phase == 1:
        st.phase = 2
        if peek(st) == '*':
            st.pos += 1
            return '*'
        if is_digit(peek(st)):
            st.width = number(st)
    if st.phase == 2:
        st.phase = 3
        if peek(st) == '.':
            st.pos += 1
            if peek(st) == '*':
                st.pos += 1
                return '*'
            st.prec = number(st)
    c = peek(st)
    if c == 'h' or c == 'l' or c == 'L':
        st.pos += 1
    if st.pos >= len(st.fmt.chars):
        fail(st, VALUE_ERROR, text(T_INCOMPLETE))
        return SKIP
    st.phase = 0
    st.pos += 1
    return st.fmt.chars[st.pos - 1]


def next_conversion(st):
    """What the next argument is for: a type char, or '*'.  '\\x00' when the format has no
    specifier left and the argument is a mapping (no error, as in CPython); SKIP after an error."""
    if st.error != NO_ERROR:
        return SKIP
    if st.phase == 0:
        if not copy_literal(st):
            if st.mapping:
                return '\x00'
            fail(st, TYPE_ERROR, text(T_NOT_ALL))
            return SKIP
        begin_spec(st)
        if st.error != NO_ERROR:
            return SKIP
    return parse(st)


def ll_fmt_finish(st):
    """The rest of the format, once every argument is used: a specifier there lacks its
    argument.  Raises the error a conversion recorded, or returns the text."""
    if st.error == NO_ERROR:
        if st.phase != 0:
            fail(st, TYPE_ERROR, text(T_NOT_ENOUGH))    # a '*' took the last argument
        elif copy_literal(st):
            begin_spec(st)
            if st.error == NO_ERROR:
                parse(st)           # an incomplete one says so first, as in CPython
            fail(st, TYPE_ERROR, text(T_NOT_ENOUGH))
    if st.error == TYPE_ERROR:
        raise TypeError(st.message)
    if st.error == VALUE_ERROR:
        raise ValueError(st.message)
    if st.error == OVERFLOW_ERROR:
        raise OverflowError(st.message)
    r = malloc(STR, st.n)
    ll_copy(r, 0, st.buf, 0, st.n)
    return r


def star(st, n):
    """A '*' took the argument n: the width (a negative one means '-'), or the precision."""
    if st.phase == 2:
        if n < 0:
            st.left = True
            n = -n
        st.width = n
    else:
        if n < 0:
            n = 0
        st.prec = n


# ---- the errors ----------------------------------------------------------------------------

def unsupported(st, c):
    """ValueError: unsupported format character 'q' (0x71) at index 3."""
    msg = ll_strconcat(text(T_UNSUPPORTED), char_str(c))
    msg = ll_strconcat(msg, text(T_HEX))
    msg = ll_strconcat(msg, ll_int2base(llop.cast_char_to_int(Signed, c), 16, False, False))
    msg = ll_strconcat(msg, text(T_AT_INDEX))
    fail(st, VALUE_ERROR, ll_strconcat(msg, ll_int2dec(st.pos - 1)))


def char_str(c):
    b = malloc(STR, 1)
    b.chars[0] = c
    return b


def is_int_code(c):
    return c == 'd' or c == 'i' or c == 'u' or c == 'x' or c == 'X' or c == 'o'


def is_float_code(c):
    return c == 'f' or c == 'F' or c == 'e' or c == 'E' or c == 'g' or c == 'G'


def wrong_type(st, c, tname):
    """The TypeError of a type char that the argument's type does not take."""
    if c == 'c':
        return fail(st, TYPE_ERROR, text(T_C_REQUIRES))
    if is_float_code(c):
        return fail(st, TYPE_ERROR, ll_strconcat(text(T_MUST_BE_REAL), tname))
    what = text(T_INT_REQUIRED)
    if c == 'd' or c == 'i' or c == 'u':
        what = text(T_REAL_REQUIRED)
    msg = ll_strconcat(ll_strconcat(text(T_PERCENT), char_str(c)), what)
    fail(st, TYPE_ERROR, ll_strconcat(msg, tname))


# ---- the conversions -----------------------------------------------------------------------

def put_text(st, s):
    """%s, %r, %a and %c: at most prec chars, padded with spaces to the width."""
    n = len(s.chars)
    if st.prec >= 0 and st.prec < n:
        n = st.prec
    if not st.left:
        put_fill(st, ' ', st.width - n)
    put(st, s, 0, n)
    if st.left:
        put_fill(st, ' ', st.width - n)


def ascii_of(r):
    """ascii(x) from repr(x): repr leaves the printable Latin-1 chars as they are, ascii writes
    them \\xhh."""
    n = len(r.chars)
    size = 0
    i = 0
    while i < n:
        size += 1
        if llop.cast_char_to_int(Signed, r.chars[i]) >= 128:
            size += 3
        i += 1
    out = malloc(STR, size)
    at = 0
    i = 0
    while i < n:
        o = llop.cast_char_to_int(Signed, r.chars[i])
        if o >= 128:
            out.chars[at] = '\\'
            out.chars[at + 1] = 'x'
            out.chars[at + 2] = hex_digit(o >> 4)
            out.chars[at + 3] = hex_digit(o & 15)
            at += 4
        else:
            out.chars[at] = r.chars[i]
            at += 1
        i += 1
    return out


def hex_digit(d):
    if d < 10:
        return llop.cast_int_to_char(Char, 48 + d)
    return llop.cast_int_to_char(Char, 87 + d)


def put_number(st, digits, neg, c):
    """An int's digits (its magnitude) as formatlong lays them out: the sign ('-', or '+'/' '
    as asked), the '0x'/'0X'/'0o' of '#', the digits zero-filled to the precision, and the
    width as spaces before ('-': after) or, with '0', zeros after the sign and prefix."""
    k = len(digits.chars)
    body = k
    if st.prec > body:
        body = st.prec
    sign = '\x00'
    if neg:
        sign = '-'
    elif st.plus:
        sign = '+'
    elif st.blank:
        sign = ' '
    total = body
    if sign != '\x00':
        total += 1
    prefix = st.alt and (c == 'x' or c == 'X' or c == 'o')
    if prefix:
        total += 2
    if not st.left and not st.zero:
        put_fill(st, ' ', st.width - total)
    if sign != '\x00':
        put_char(st, sign)
    if prefix:
        put_char(st, '0')
        if c == 'o':
            put_char(st, 'o')
        else:
            put_char(st, c)
    if not st.left and st.zero:
        put_fill(st, '0', st.width - total)
    put_fill(st, '0', body - k)
    put(st, digits, 0, k)
    if st.left:
        put_fill(st, ' ', st.width - total)


def base_of(c):
    if c == 'x' or c == 'X':
        return 16
    if c == 'o':
        return 8
    return 10


def put_int(st, x, c):
    if base_of(c) == 10:
        d = ll_int2dec(x)
    else:
        d = ll_int2base(x, base_of(c), c == 'X', False)
    if x < 0:
        put_number(st, drop_sign(d), True, c)
    else:
        put_number(st, d, False, c)


def drop_sign(d):
    r = malloc(STR, len(d.chars) - 1)
    ll_copy(r, 0, d, 1, len(d.chars))
    return r


def put_float(st, x, c):
    upper = c == 'F' or c == 'E' or c == 'G'
    code = c
    if c == 'F':
        code = 'f'
    elif c == 'E':
        code = 'e'
    elif c == 'G':
        code = 'g'
    s = ll_percent_float(x, code, st.prec, st.width, st.left, st.zero, st.plus, st.blank, st.alt, upper)
    put(st, s, 0, len(s.chars))


def put_char_code(st, x):
    """%c of an int: the char of that code (a str is bytes here, so only 0..255 fit)."""
    if x < 0 or x >= 0x110000:
        return fail(st, OVERFLOW_ERROR, text(T_C_RANGE))
    if x >= 256:
        return fail(st, OVERFLOW_ERROR, text(T_C_BYTES))
    st.prec = -1            # a precision does not cut a %c
    put_text(st, char_str(llop.cast_int_to_char(Char, x)))


def ll_fmt_int(st, x):
    c = next_conversion(st)
    if c == SKIP:
        return
    if c == '*':
        star(st, x)
    elif is_int_code(c):
        put_int(st, x, c)
    elif is_float_code(c):
        put_float(st, llop.cast_int_to_float(Float, x), c)
    elif c == 's' or c == 'r' or c == 'a':
        put_text(st, ll_int2dec(x))
    elif c == 'c':
        put_char_code(st, x)
    else:
        unsupported(st, c)


def ll_fmt_bool(st, b):
    """A bool is an int that prints as True or False."""
    c = next_conversion(st)
    if c == SKIP:
        return
    x = 0
    if b:
        x = 1
    if c == '*':
        star(st, x)
    elif c == 's' or c == 'r' or c == 'a':
        if b:
            put_text(st, text(T_TRUE))
        else:
            put_text(st, text(T_FALSE))
    elif is_int_code(c):
        put_int(st, x, c)
    elif is_float_code(c):
        put_float(st, llop.cast_int_to_float(Float, x), c)
    elif c == 'c':
        put_char_code(st, x)
    else:
        unsupported(st, c)


def ll_fmt_uint(st, x):
    """An r_uint: the non-negative int it is."""
    c = next_conversion(st)
    if c == SKIP:
        return
    if c == '*':
        star(st, llop.cast_uint_to_int(Signed, x))
    elif is_int_code(c):
        put_number(st, ll_uint2base(x, base_of(c), c == 'X', False), False, c)
    elif is_float_code(c):
        put_float(st, llop.cast_uint_to_float(Float, x), c)
    elif c == 's' or c == 'r' or c == 'a':
        put_text(st, ll_uint2base(x, 10, False, False))
    elif c == 'c':
        put_char_code(st, llop.cast_uint_to_int(Signed, x))
    else:
        unsupported(st, c)


def ll_fmt_float(st, x):
    c = next_conversion(st)
    if c == SKIP:
        return
    if c == '*':
        return fail(st, TYPE_ERROR, text(T_STAR))
    if is_float_code(c):
        put_float(st, x, c)
    elif c == 'd' or c == 'i' or c == 'u':
        put_float_as_int(st, x, c)
    elif c == 'x' or c == 'X' or c == 'o' or c == 'c':
        wrong_type(st, c, text(T_FLOAT))
    elif c == 's' or c == 'r' or c == 'a':
        put_text(st, ll_float_repr(x))
    else:
        unsupported(st, c)


def put_float_as_int(st, x, c):
    """%d of a float: int(x), truncated (rmath's errors, recorded, for what no word holds)."""
    if x != x:
        fail(st, VALUE_ERROR, text(T_NAN))
    elif x == INF or x == -INF:
        fail(st, OVERFLOW_ERROR, text(T_INF))
    elif not (-TWO_63 <= x < TWO_63):
        fail(st, OVERFLOW_ERROR, text(T_TOO_LARGE))
    else:
        put_int(st, ll_float_to_int(x), c)


def ll_fmt_str(st, s):
    c = next_conversion(st)
    if c == SKIP:
        return
    if c == '*':
        return fail(st, TYPE_ERROR, text(T_STAR))
    if c == 's':
        put_text(st, s)
    elif c == 'r':
        put_text(st, ll_repr(s))
    elif c == 'a':
        put_text(st, ascii_of(ll_repr(s)))
    elif c == 'c':
        if len(s.chars) != 1:
            return fail(st, TYPE_ERROR, text(T_C_REQUIRES))
        st.prec = -1
        put_text(st, s)
    elif is_int_code(c) or is_float_code(c):
        wrong_type(st, c, text(T_STR))
    else:
        unsupported(st, c)


def ll_fmt_object(STR_OF, REPR_OF, st, x, tname):
    """Any other value (an instance, a container, None): only %s, %r and %a, by its str() and
    repr() (STR_OF and REPR_OF, the graphs of fmt_str and fmt_repr for its type); tname is its
    type's name for the errors."""
    c = next_conversion(st)
    if c == '\x00' or c == SKIP:
        return
    if c == '*':
        return fail(st, TYPE_ERROR, text(T_STAR))
    if c == 's':
        put_text(st, STR_OF(x))
    elif c == 'r':
        put_text(st, REPR_OF(x))
    elif c == 'a':
        put_text(st, ascii_of(REPR_OF(x)))
    elif is_int_code(c) or is_float_code(c) or c == 'c':
        wrong_type(st, c, tname)
    else:
        unsupported(st, c)


def ll_fmt_constant(st, s, r, tname):
    """A value known at translation time (None, a prebuilt tuple): its str() s and repr() r."""
    c = next_conversion(st)
    if c == SKIP:
        return
    if c == '*':
        return fail(st, TYPE_ERROR, text(T_STAR))
    if c == 's':
        put_text(st, s)
    elif c == 'r':
        put_text(st, r)
    elif c == 'a':
        put_text(st, ascii_of(r))
    elif is_int_code(c) or is_float_code(c) or c == 'c':
        wrong_type(st, c, tname)
    else:
        unsupported(st, c)


def ll_class_name(obj, none_name):
    """type(x).__name__ of an instance, read from its vtable (the class it really has)."""
    if not obj:
        return none_name
    return obj.typeptr.name


# ---- str() and repr() of one value: high-level, annotated per argument type ----------------

def fmt_str(x):
    return str(x)


def fmt_repr(x):
    return repr(x)


def fmt_str_or_none(x):
    if x is None:
        return "None"
    return str(x)


def fmt_repr_or_none(x):
    if x is None:
        return "None"
    return repr(x)
