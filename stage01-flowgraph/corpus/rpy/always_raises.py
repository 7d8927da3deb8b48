"""Functions that never return normally (every path raises): whatever follows their call in a
block never runs, so the rtyper closes the block there instead of converting values that have no
type (found while testing the in-process loader: "'add' on [Void, Signed]"). An entry point that
never returns gives its exit status through its uncaught exception."""


class Stop(Exception):
    pass


def fail(message):
    raise Stop(message)


def countdown(n):
    if n == 0:
        raise ValueError("reached zero")  # error: ValueError: reached zero
    return countdown(n - 1) + 1


def entry_point(argv):
    total = 0
    for i in range(3):
        try:
            total += countdown(i) * 2
        except ValueError:
            total += 10
    print("total", total)
    try:
        fail("first")
        print("not printed")
    except Stop:
        print("stopped")
    if len(argv) > 5:
        fail("many")
        return 3
    return countdown(len(argv) + 1)


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: total 30
# expect: stopped
