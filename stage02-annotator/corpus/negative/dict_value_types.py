# expect-error: 5: dict value of int gets a str
def entry_point(argv):
    d = {}
    d["a"] = 1
    d["b"] = "two"
    return 0
