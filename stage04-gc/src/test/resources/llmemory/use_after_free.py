# A collector that reads its old space after giving it back: the checked heap stops it at once.
from rpython.rtyper.lltypesystem.llmemory import raw_malloc, raw_free


def entry_point(argv):
    space = raw_malloc(64)
    space.signed[0] = 42
    print('before:', space.signed[0])
    raw_free(space)
    print('after:', space.signed[1])
    return 0
