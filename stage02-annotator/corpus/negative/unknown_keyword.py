# expect-error: 7: function 'greet' has no parameter 'nme'
def greet(name):
    print("hi " + name)


def entry_point(argv):
    greet(nme="x")
    return 0
