# Walking one word past the end of a raw block.
from rpython.rtyper.lltypesystem.llmemory import raw_malloc, raw_free


def entry_point(argv):
    block = raw_malloc(24)
    i = 0
    total = 0
    while i <= 3:
        block.signed[i] = i
        i += 1
    raw_free(block)
    return 0
