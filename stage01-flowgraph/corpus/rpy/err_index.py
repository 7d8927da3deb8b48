"""An uncaught IndexError from a list read past its end."""


def last_plus_one(lst):
    return lst[len(lst)]  # error: IndexError: list index out of range


def entry_point(argv):
    lst = [1, 2, 3]
    print("last %d" % lst[-1])
    print("%d" % last_plus_one(lst))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: last 3
