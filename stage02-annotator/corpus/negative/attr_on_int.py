# expect-error: 4: an int has no attribute 'real' in RPy
def entry_point(argv):
    n = len(argv)
    print(n.real)
    return 0
