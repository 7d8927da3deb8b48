"""An uncaught ZeroDivisionError ends the program with exit status 1."""


def average(values):
    total = 0
    for v in values:
        total += v
    return total // len(values)  # error: ZeroDivisionError: integer division or modulo by zero


def entry_point(argv):
    print("average %d" % average([3, 4, 8]))
    print("average %d" % average([]))
    print("not reached")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: average 5
