# expect-error: 4: list of int gets a str
def entry_point(argv):
    lst = [1, 2]
    lst.append("three")
    return 0
