# args: 1000000
"""Keeps everything it allocates: a list of strings that only grows.  Under --heap-max=2m a
collector can free nothing, so the program must end with a clean MemoryError (a prebuilt one:
the collector cannot allocate an exception when memory is what is missing), not a crash and
not a heap that grows past the limit.
"""


def entry_point(argv):
    n = int(argv[1])
    kept = []
    for i in range(n):
        kept.append('item %d of a list that only grows' % i)  # error: MemoryError
    print('kept', len(kept))
    return 0


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
