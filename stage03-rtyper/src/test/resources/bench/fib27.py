"""Calls: fib(27) the slow way, 635,621 calls of a two-line function."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def entry_point(argv):
    print("fib", fib(27))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: fib 196418
