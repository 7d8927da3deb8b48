# expect-error: 9: attribute 'color' of class Point is read but never assigned
class Point:
    def __init__(self, x):
        self.x = x


def entry_point(argv):
    p = Point(1)
    print(p.color)
    return 0
