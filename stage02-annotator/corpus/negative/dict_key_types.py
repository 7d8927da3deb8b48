# expect-error: 5: dict key of int gets a str
def entry_point(argv):
    d = {}
    d[1] = 2
    d["a"] = 3
    return 0
