"""Objects: instance creation, __init__ chains with super(), attribute reads and writes,
virtual method calls on a small class hierarchy, and a value class allocated in a loop."""
from _bench import run


class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        return 0

    def describe(self):
        return self.name


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


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self.r = r

    def area(self):
        return 3 * self.r * self.r


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y


def work():
    shapes = []
    for i in range(20000):
        kind = i % 3
        if kind == 0:
            shapes.append(Rect(i % 10 + 1, i % 7 + 1))
        elif kind == 1:
            shapes.append(Square(i % 5 + 1))
        else:
            shapes.append(Circle(i % 4 + 1))
    total = 0
    for _ in range(10):
        for shape in shapes:
            total += shape.area()
    v = Vec(0, 0)
    step = Vec(1, 2)
    for i in range(300000):
        v = v.add(step)
        total += v.dot(step) % 7
    names = {}
    for shape in shapes:
        names[shape.describe()] = names.get(shape.describe(), 0) + 1
    return total + names["square"]


run("classes", work)
