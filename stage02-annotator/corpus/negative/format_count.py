# expect-error: 5: the format '%s scored %d points' has 2 conversions but gets 3 values
def report(name, score, rank):
    # one value too many for the format: Python would raise TypeError
    # "not all arguments converted during string formatting" at run time
    return "%s scored %d points" % (name, score, rank)


def entry_point(argv):
    print(report("ann", 3, 1))
    return 0
