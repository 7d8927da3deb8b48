"""A list of one class's instances searched for an instance of a sibling class:
``x in lst``, ``lst.remove(x)``, ``lst.index(x)`` and ``lst.count(x)`` compare ``x`` with the
items, so the annotator widens the items to the two classes' common base, as PyPy's does (the
rtyper used to be asked to convert the sibling into the items' class: "cannot convert
Ptr(GcStruct C3) to Ptr(GcStruct C4)", fuzz seeds 916774 and 916885).  Instances compare by
identity here, so the sibling is never found in a list of the other class; a base-class
variable holding one of the items is."""
import sys


class Shape(object):
    def __init__(self, size):
        self.size = size

    def area(self):
        return 0


class Square(Shape):
    def area(self):
        return self.size * self.size


class Circle(Shape):
    def area(self):
        return 3 * self.size * self.size


LONE = Circle(9)


def squares(n):
    return [Square(i) for i in range(n)]


def search(n):
    shapes = squares(n)
    c = Circle(2)
    found = 0
    if c in shapes:
        found += 1
    if LONE in shapes:
        shapes.remove(LONE)
    try:
        found += shapes.index(Circle(1))
    except ValueError:
        found += 100
    found += shapes.count(c) * 1000
    some = shapes[n // 2]
    if some in shapes:
        found += 10000 * (shapes.index(some) + 1)
    total = 0
    for s in shapes:
        total += s.area()
    return found, total, len(shapes)


def entry_point(argv):
    found, total, count = search(len(argv) + 4)
    print('found', found, 'total', total, 'count', count)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: found 30100 total 30 count 5
