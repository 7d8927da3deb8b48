# expect-error: 4: cannot add (+) an int and a str
def entry_point(argv):
    n = len(argv)
    print(n + "1")
    return 0
