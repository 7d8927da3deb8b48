# expect-error: 4: '%d' in the format 'total: %d' needs a number, but gets a str
def total(items):
    s = ",".join(items)
    return "total: %d" % s


def entry_point(argv):
    print(total(argv))
    return 0
