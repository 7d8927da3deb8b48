# expect-error: 4: cannot add (+) a str and a list[int]
def entry_point(argv):
    nums = [1, 2]
    print(argv[0] + nums)
    return 0
