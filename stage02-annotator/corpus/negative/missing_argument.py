# expect-error: 7: function 'greet' is called without its argument 'name'
def greet(greeting, name):
    print(greeting + name)


def entry_point(argv):
    greet(greeting="hi ")
    return 0
