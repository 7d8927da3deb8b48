"""Unbounded recursion in translated code ends in RecursionError at every stage (found by taipan fuzz: the flow stage once recursed until the JVM ran out of memory)."""


def depth(n):
    if n > 10 ** 9:
        return 0
    return depth(n + 1) + 1  # error: RecursionError: maximum recursion depth exceeded


def entry_point(argv):
    print("starting")
    print("%d" % depth(0))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: starting
