# expect-error: 3: cannot subtract (-) a str and a str
def entry_point(argv):
    print(argv[0] - argv[1])
    return 0
