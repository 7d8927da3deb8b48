# expect-error: 4: 'str.frobnicate' is not supported in RPy
def entry_point(argv):
    s = "abc"
    print(s.frobnicate())
    return 0
