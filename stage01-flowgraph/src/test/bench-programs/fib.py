"""fib(27), recursively: calls, returns, comparisons and small-int arithmetic.
635,621 calls per run; a measure of the interpreter's call path above all."""
from _bench import run


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


run("fib", lambda: fib(27))
