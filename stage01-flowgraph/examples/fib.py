"""Fibonacci numbers, the RPy way: an entry point that a translator can start from.

Run it on CPython (python3 fib.py 30), or look at its bytecode with ./taipan dis fib.py.
"""
import sys


def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


def entry_point(argv):
    n = int(argv[1]) if len(argv) > 1 else 20
    print("fib(%d) = %d" % (n, fib(n)))
    return 0


def target(*args):
    return entry_point, None


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
