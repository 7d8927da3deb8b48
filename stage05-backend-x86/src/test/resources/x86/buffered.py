"""Output through the runtime's stdout buffer: lines well past its 8 KiB, a line longer than the
buffer, then an uncaught exception, whose report on stderr must come after every line when
both streams go to one pipe."""


def entry_point(argv):
    n = int(argv[1])
    for i in range(n):
        print("line", i)
    print("x" * 10000)
    print("last")
    if len(argv) > 2:
        raise ValueError("after %d lines" % n)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
