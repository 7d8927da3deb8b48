# A program within stage 03 part 1's reach: numbers, classes with a vtable, exceptions.
#   ./taipan rtype stage03-rtyper/examples/shapes.py --function total
from rpython.rlib.rarithmetic import ovfcheck


class Shape:
    sides = 0

    def __init__(self, size):
        self.size = size

    def area(self):
        return 0


class Square(Shape):
    sides = 4

    def area(self):
        return self.size * self.size


class Triangle(Shape):
    sides = 3

    def area(self):
        return self.size * self.size // 2


def make(i):
    if i % 3 == 0:
        return Square(i)
    if i % 3 == 1:
        return Triangle(i)
    return Shape(i)


def total(n):
    t = 0
    i = 0
    while i < n:
        s = make(i)
        try:
            t = ovfcheck(t + s.area() * s.sides)
        except OverflowError:
            return -1
        if isinstance(s, Square):
            print("square", i, s.area())
        i += 1
    return t


if __name__ == "__main__":
    print(total(10))
