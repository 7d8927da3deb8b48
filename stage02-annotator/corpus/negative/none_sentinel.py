# expect-error: 4: variable 'best' is None on one path and an int on another: an int cannot be None in RPy
def largest(values):
    best = None
    for v in values:
        if best is None or v > best:
            best = v
    return best


def entry_point(argv):
    print(largest([3, 1, 4]))
    return 0
