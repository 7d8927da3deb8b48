"""Classes: single inheritance, virtual methods, super calls by name, isinstance."""


class Shape(object):
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0.0

    def describe(self):
        return "%s with area %.2f" % (self.name, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        Shape.__init__(self, "rect")
        self.w = w
        self.h = h

    def area(self):
        return self.w * self.h


class Square(Rect):
    def __init__(self, side):
        Rect.__init__(self, side, side)
        self.name = "square"


class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r

    def area(self):
        return 3.14159 * self.r * self.r

    def describe(self):
        return "round " + Shape.describe(self)


def entry_point(argv):
    shapes = [Rect(2.0, 3.0), Square(1.5), Circle(1.0), Shape("point")]
    total = 0.0
    for s in shapes:
        print(s.describe())
        total += s.area()
    print("total %.3f" % total)
    for s in shapes:
        kinds = []
        if isinstance(s, Rect):
            kinds.append("Rect")
        if isinstance(s, Square):
            kinds.append("Square")
        if isinstance(s, Circle):
            kinds.append("Circle")
        print("%s: [%s]" % (s.name, ",".join(kinds)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: rect with area 6.00
# expect: square with area 2.25
# expect: round circle with area 3.14
# expect: point with area 0.00
# expect: total 11.392
# expect: rect: [Rect]
# expect: square: [Rect,Square]
# expect: circle: [Circle]
# expect: point: []
