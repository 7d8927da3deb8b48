# expect-error: 4: cannot call an int
def entry_point(argv):
    f = len(argv)
    print(f(1))
    return 0
