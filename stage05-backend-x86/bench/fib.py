# Recursive Fibonacci: one call per node of the call tree (fib(35) makes 30 million calls), the
# benchmark of issue 15's call-heavy figure. Usage: fib.py [N] (default 35). The iterative
# stage01-flowgraph/examples/fib.py would finish in nanoseconds, so this one recurses.
import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def entry_point(argv):
    n = 35
    if len(argv) > 1:
        n = int(argv[1])
    print("fib(%d) = %d" % (n, fib(n)))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
