"""Helper module for import_module.py (not a program: its name starts with '_')."""
import math

loaded = []
loaded.append(__name__)
UNIT = 1.0


class Shape:
    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return "%s(area=%.2f)" % (type(self).__name__, self.area())


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return math.pi * self.r ** 2


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def area(self):
        return self.side * self.side * UNIT


def _private():
    return "private"


def total_area(shapes):
    return sum(s.area() for s in shapes)
