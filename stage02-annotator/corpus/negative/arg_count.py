# expect-error: 7: function 'add' takes 2 arguments but is called with 3
def add(a, b):
    return a + b


def entry_point(argv):
    print(add(1, 2, 3))
    return 0
