# expect-error: 3: len() needs a str, bytes, list, tuple or dict, but gets an int
def count_digits(n):
    return len(n)


def entry_point(argv):
    print(count_digits(12345))
    return 0
