"""An exception that no one catches, raised by an operation deep in the calls: the program
ends with the traceback's last line and status 1 at every stage."""


def ratio(a, b):
    return a // b  # error: ZeroDivisionError: integer division or modulo by zero


def ratios(xs):
    total = 0
    for x in xs:
        total += ratio(100, x)
    return total


def entry_point(argv):
    print(ratios([1, 2, 5]))
    print(ratios([4, 0, 2]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 170
