# expect-error: 8: function 'double' gets a str for its argument 'x' here, but an int elsewhere
def double(x):
    return x + x


def entry_point(argv):
    print(double(2))
    print(double("ab"))
    return 0
