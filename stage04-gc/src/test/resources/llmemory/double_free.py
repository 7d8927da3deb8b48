# Freeing one block twice.
from rpython.rtyper.lltypesystem.llmemory import raw_malloc, raw_free


def release(block):
    raw_free(block)


def entry_point(argv):
    block = raw_malloc(16)
    release(block)
    release(block)
    return 0
