"""super() in methods (Python 3 style), __str__/__repr__ used by print, str() and %s."""


class Shape(object):
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0.0

    def describe(self):
        return "%s with area %.1f" % (self.name, self.area())

    def __str__(self):
        return "<" + self.describe() + ">"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"

    def describe(self):
        return "square! " + super().describe()


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)


def entry_point(argv):
    shapes = [Rect(2.0, 3.0), Square(1.5), Shape("blob")]
    for s in shapes:
        print(s)
        print(s.describe())
    print(str(shapes[1]), "%s" % shapes[0])
    pts = [Point(1, 2), Point(3, 4)]
    print(pts)
    print(repr(pts[0]), (pts[1], 5))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: <rect with area 6.0>
# expect: rect with area 6.0
# expect: <square! square with area 2.2>
# expect: square! square with area 2.2
# expect: <blob with area 0.0>
# expect: blob with area 0.0
# expect: <square! square with area 2.2> <rect with area 6.0>
# expect: [Point(1, 2), Point(3, 4)]
# expect: Point(1, 2) (Point(3, 4), 5)
