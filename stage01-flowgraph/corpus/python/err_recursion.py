"""Unbounded recursion ends in RecursionError (the innermost frame is the recursive call)."""


def depth(n):
    return depth(n + 1) + 1  # error: RecursionError: maximum recursion depth exceeded


print("starting")
depth(0)
# expect: starting
