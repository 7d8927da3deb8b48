"""Shapes in a class hierarchy with prebuilt instances, a registry of constructor
functions (functions as values), isinstance tests, class attributes overridden per class,
and default and keyword arguments."""
import math


class Shape(object):
    kind = "shape"
    corners = 0

    def __init__(self, name):
        self.name = name

    def area(self):
        return 0.0

    def perimeter(self):
        return 0.0

    def describe(self, precision=2):
        fmt = "%s %s: area %." + str(precision) + "f, perimeter %." + str(precision) + "f"
        return fmt % (self.kind, self.name, self.area(), self.perimeter())


class Rect(Shape):
    kind = "rectangle"
    corners = 4

    def __init__(self, name, width, height):
        Shape.__init__(self, name)
        self.width = width
        self.height = height

    def area(self):
        return self.width * self.height

    def perimeter(self):
        return 2 * (self.width + self.height)


class Square(Rect):
    kind = "square"

    def __init__(self, name, side):
        Rect.__init__(self, name, side, side)


class Circle(Shape):
    kind = "circle"

    def __init__(self, name, radius):
        Shape.__init__(self, name)
        self.radius = radius

    def area(self):
        return math.pi * self.radius * self.radius

    def perimeter(self):
        return 2.0 * math.pi * self.radius


UNIT_SQUARE = Square("unit", 1.0)
UNIT_CIRCLE = Circle("unit", 1.0)
PREBUILT = [UNIT_SQUARE, UNIT_CIRCLE]


def make_rect(name, size):
    return Rect(name, size, size / 2.0)


def make_square(name, size):
    return Square(name, size)


def make_circle(name, size):
    return Circle(name, size / 2.0)


FACTORIES = {"rect": make_rect, "square": make_square, "circle": make_circle}


def build(spec):
    kind, name, size = spec.split(":")
    factory = FACTORIES[kind]
    return factory(name, float(size))


def scaled(shape, factor=2.0):
    if isinstance(shape, Circle):
        return Circle(shape.name + "*", shape.radius * factor)
    if isinstance(shape, Square):
        return Square(shape.name + "*", shape.width * factor)
    if isinstance(shape, Rect):
        return Rect(shape.name + "*", shape.width * factor, shape.height * factor)
    return shape


def entry_point(argv):
    shapes = [build(s) for s in ["rect:door:4", "square:tile:3", "circle:coin:2"]]
    shapes.extend(PREBUILT)
    for s in shapes:
        print(s.describe())
    print(scaled(UNIT_CIRCLE).describe(precision=3))
    print(scaled(shapes[0], factor=0.5).describe(1))
    biggest = shapes[0]
    for s in shapes:
        if s.area() > biggest.area():
            biggest = s
    print("biggest: %s (%d corners)" % (biggest.name, biggest.corners))
    pick = make_square if len(argv) > 5 else make_circle
    print(pick("picked", 10.0).describe(precision=0))
    rects = 0
    for s in shapes:
        if isinstance(s, Rect):
            rects += 1
    print("%d of %d shapes are rectangles; prebuilt unit square is shapes[3]: %s"
          % (rects, len(shapes), str(shapes[3] is UNIT_SQUARE)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: rectangle door: area 8.00, perimeter 12.00
# expect: square tile: area 9.00, perimeter 12.00
# expect: circle coin: area 3.14, perimeter 6.28
# expect: square unit: area 1.00, perimeter 4.00
# expect: circle unit: area 3.14, perimeter 6.28
# expect: circle unit*: area 12.566, perimeter 12.566
# expect: rectangle door*: area 2.0, perimeter 6.0
# expect: biggest: tile (4 corners)
# expect: circle picked: area 79, perimeter 31
# expect: 3 of 5 shapes are rectangles; prebuilt unit square is shapes[3]: True
