# expect-error: 4: cannot iterate over an int
def entry_point(argv):
    n = len(argv)
    for c in n:
        print(c)
    return 0
