# expect-error: 4: list of str gets an int
def entry_point(argv):
    words = ["a", "b"]
    words[0] = len(argv)
    return 0
