"""Tuples: fixed-size records, unpacking, swapping, returning several values."""


def divmod_floor(a, b):
    return a // b, a % b


def min_max(lst):
    lo = lst[0]
    hi = lst[0]
    for x in lst:
        if x < lo:
            lo = x
        if x > hi:
            hi = x
    return lo, hi


def stats(lst):
    total = 0
    for x in lst:
        total += x
    return (len(lst), total, float(total) / len(lst))


def entry_point(argv):
    q, r = divmod_floor(-17, 5)
    print("%d %d" % (q, r))
    lo, hi = min_max([5, -2, 9, 0])
    print("lo %d hi %d" % (lo, hi))
    n, total, avg = stats([1, 2, 3, 4])
    print("%d %d %s" % (n, total, str(avg)))
    a = 1
    b = 2
    a, b = b, a
    print("%d %d" % (a, b))
    point = (3, "three")
    print("%d %s %d" % (point[0], point[1], len(point)))
    pairs = [(1, "one"), (2, "two"), (3, "three")]
    for num, name in pairs:
        print("%d:%s" % (num, name))
    print(str((1, 2) == (1, 2)) + " " + str((1, 2) < (1, 3)))
    t = (10, 20, 30)
    x, y, z = t
    print("%d" % (x + y + z))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: -4 3
# expect: lo -2 hi 9
# expect: 4 10 2.5
# expect: 2 1
# expect: 3 three 2
# expect: 1:one
# expect: 2:two
# expect: 3:three
# expect: True True
# expect: 60
