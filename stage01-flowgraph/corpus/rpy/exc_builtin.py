"""Built-in exceptions caught where they happen: ZeroDivisionError, IndexError, KeyError,
ValueError from int()."""


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return 0


def safe_get(lst, i):
    try:
        return lst[i]
    except IndexError:
        return -1


def lookup(d, key):
    try:
        return d[key]
    except KeyError:
        return "?"


def parse(s):
    try:
        return int(s)
    except ValueError:
        return -999


def entry_point(argv):
    print("%d %d" % (safe_div(7, 2), safe_div(7, 0)))
    lst = [10, 20, 30]
    print("%d %d %d" % (safe_get(lst, 1), safe_get(lst, 3), safe_get(lst, -1)))
    d = {"a": "apple"}
    print(lookup(d, "a") + " " + lookup(d, "b"))
    print("%d %d %d" % (parse("42"), parse("-17"), parse("4x2")))
    try:
        x = 1.0 / 0.0
        print("no error %s" % str(x))
    except ZeroDivisionError:
        print("float division by zero")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 3 0
# expect: 20 -1 30
# expect: apple ?
# expect: 42 -17 -999
# expect: float division by zero
