"""The process's entry: what runs between the start of the process and the program's
``entry_point(argv)`` (PyPy's C ``main`` and ``rpython/translator/c/src/entrypoint.c`` do the
same, with ``charp2str``).

A process starts with ``argc`` and a raw array of ``argc`` addresses, each of a string of bytes
ending in a zero byte: memory no collector knows.  ``main`` builds from it the list of strings
``entry_point`` takes, with ordinary RPy code, so that argv and its strings are objects of the
collector like any others: it moves them, traces what the program stores into them, and frees
them when the program drops them.  The GC stage sets ``ENTRY_POINT`` to the program's function
before it annotates ``main``, which is then the entry of the translated program; the GC
transformer puts ``gc_setup`` first in it, before the first allocation.
"""
ENTRY_POINT = None


def main(argc, raw_argv):
    argv = [''] * argc
    i = 0
    while i < argc:
        argv[i] = string_at(raw_argv.address[i])
        i += 1
    return ENTRY_POINT(argv)


def string_at(p):
    """The bytes at p, up to the zero byte that ends them, as a string."""
    chars = []
    n = 0
    while p.char[n] != '\x00':
        chars.append(p.char[n])
        n += 1
    return ''.join(chars)
