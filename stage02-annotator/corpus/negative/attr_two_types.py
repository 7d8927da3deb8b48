# expect-error: 10: attribute 'v' of class Box of int gets a str
class Box:
    def __init__(self):
        self.v = 0


def entry_point(argv):
    b = Box()
    b.v = 1
    b.v = "one"
    return 0
