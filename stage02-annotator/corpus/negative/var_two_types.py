# expect-error: 7: variable 'x' is a str on one path and an int on another
def entry_point(argv):
    if len(argv) > 1:
        x = 1
    else:
        x = "one"
    print(x)
    return 0
