"""What os, time and bytes mean at the low level: RPy over the system calls.

Each function of ``os`` that the rtyper translates (``OsRules``) calls one of these helpers,
and each helper makes one system call, an operation of the catalogue (``llop.syscall_write``,
...), at the level of the kernel's interface: file descriptors are words, a buffer is the
chars of a string, a path is a string, and a failure is ``-errno`` in the result, which the
helper turns into the ``OSError`` subclass CPython raises for that errno.  So the llinterp
performs the call against the host (``SystemCalls``) and stage 05 emits a ``syscall``
instruction for it, with no libc in between (PyPy's ``ll_os.py`` calls libc's wrappers,
which do the same ``-errno`` to ``errno`` dance).

``bytes`` is a string at the low level, as in PyPy (an RPy ``str`` is a byte string of
chars 0..255); ``s.encode()`` and ``b.decode()`` are UTF-8, as CPython's defaults, so a char
above 127 becomes two bytes and back.
"""
from rpython.rtyper.lltypesystem.lltype import Signed, Char, STR, malloc
from rpython.rtyper.lltypesystem.lloperation import llop
from rpython.rtyper.rstr import ll_copy

# Linux's clocks for clock_gettime(2)
CLOCK_REALTIME = 0
CLOCK_MONOTONIC = 1


def ll_raise_oserror(errno):
    """CPython's exception for an errno (PEP 3151's subclasses), with its message; the
    file name CPython adds is not known here."""
    if errno == 2:
        raise FileNotFoundError("[Errno 2] No such file or directory")
    if errno == 17:
        raise FileExistsError("[Errno 17] File exists")
    if errno == 13:
        raise PermissionError("[Errno 13] Permission denied")
    if errno == 21:
        raise IsADirectoryError("[Errno 21] Is a directory")
    if errno == 9:
        raise OSError("[Errno 9] Bad file descriptor")
    if errno == 22:
        raise OSError("[Errno 22] Invalid argument")
    if errno == 39:
        raise OSError("[Errno 39] Directory not empty")
    raise OSError("[Errno 5] Input/output error")


def ll_os_write(fd, data):
    n = llop.syscall_write(Signed, fd, data, 0, len(data.chars))
    if n < 0:
        ll_raise_oserror(-n)
    return n


def ll_os_read(fd, count):
    """At most count bytes, fewer at the end of the file: read(2) into a string of count
    chars, then a copy as long as what came, if that is less."""
    if count < 0:
        count = 0
    buf = malloc(STR, count)
    n = llop.syscall_read(Signed, fd, buf, count)
    if n < 0:
        ll_raise_oserror(-n)
    if n == count:
        return buf
    r = malloc(STR, n)
    ll_copy(r, 0, buf, 0, n)
    return r


def ll_os_open(path, flags, mode):
    fd = llop.syscall_open(Signed, path, flags, mode)
    if fd < 0:
        ll_raise_oserror(-fd)
    return fd


def ll_os_close(fd):
    r = llop.syscall_close(Signed, fd)
    if r < 0:
        ll_raise_oserror(-r)


def ll_os_unlink(path):
    r = llop.syscall_unlink(Signed, path)
    if r < 0:
        ll_raise_oserror(-r)


def ll_time_time():
    return llop.syscall_clock_gettime(Signed, CLOCK_REALTIME) / 1000000000.0


def ll_time_time_ns():
    return llop.syscall_clock_gettime(Signed, CLOCK_REALTIME)


def ll_time_monotonic():
    return llop.syscall_clock_gettime(Signed, CLOCK_MONOTONIC) / 1000000000.0


def ll_time_monotonic_ns():
    return llop.syscall_clock_gettime(Signed, CLOCK_MONOTONIC)


def ll_encode_utf8(s):
    """s.encode(): a char below 128 is its byte, one above two (110xxxxx 10xxxxxx); a
    string of ASCII, the usual case, is returned as it is (strings are immutable)."""
    n = len(s.chars)
    high = 0
    i = 0
    while i < n:
        if ord(s.chars[i]) >= 128:
            high += 1
        i += 1
    if high == 0:
        return s
    r = malloc(STR, n + high)
    i = 0
    j = 0
    while i < n:
        c = ord(s.chars[i])
        if c < 128:
            r.chars[j] = s.chars[i]
            j += 1
        else:
            r.chars[j] = chr(0xc0 | (c >> 6))
            r.chars[j + 1] = chr(0x80 | (c & 0x3f))
            j += 2
        i += 1
    return r


def ll_decode_utf8(b):
    """b.decode(): the inverse of ll_encode_utf8. A sequence for a code point above 255 has
    no char in an RPy str, and bytes that are not UTF-8 are CPython's UnicodeDecodeError."""
    n = len(b.chars)
    high = 0
    i = 0
    while i < n:
        if ord(b.chars[i]) >= 128:
            high += 1
        i += 1
    if high == 0:
        return b
    r = malloc(STR, n - high // 2)
    i = 0
    j = 0
    while i < n:
        c = ord(b.chars[i])
        if c < 128:
            r.chars[j] = b.chars[i]
            i += 1
        else:
            if (c != 0xc2 and c != 0xc3) or i + 1 >= n or (ord(b.chars[i + 1]) & 0xc0) != 0x80:
                raise UnicodeDecodeError("'utf-8' codec can't decode the bytes: not UTF-8 of chars 0..255")
            r.chars[j] = chr(((c & 0x1f) << 6) | (ord(b.chars[i + 1]) & 0x3f))
            i += 2
        j += 1
    return r       # every char above 127 took two bytes: r is full
