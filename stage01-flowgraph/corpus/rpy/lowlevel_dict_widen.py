"""dict(d) and d.update(other) between dicts whose items the program widens afterwards: keys
that are single chars copied into a dict that also gets longer strs, instances of a subclass
copied into a dict of their base class. As in PyPy, the annotator makes the two dicts one kind
of dict (their DictDefs merge), so the copy is a plain copy of items."""
import sys


class Shape(object):
    def __init__(self, n):
        self.n = n

    def area(self):
        return self.n


class Square(Shape):
    def area(self):
        return self.n * self.n


def letters(n):
    small = {'a': n, 'b': n + 1}      # the keys are chars here...
    big = dict(small)
    big['cc'] = n + 2                 # ...and strs in the copy
    return big


def shapes(n):
    squares = {1: Square(n)}
    everything = {0: Shape(n)}
    everything.update(squares)        # Square values into a dict of Shapes
    total = 0
    for k in everything:
        total += everything[k].area()
    return total


def entry_point(argv):
    n = len(argv) + 2
    d = letters(n)
    keys = [k for k in d]
    keys.sort()
    for k in keys:
        print('%s=%d' % (k, d[k]))
    print('shapes: %d' % shapes(n))
    e = {'x': 1}
    e.update({'yz': 2})
    print(len(e), e['x'] + e['yz'])
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: a=3
# expect: b=4
# expect: cc=5
# expect: shapes: 12
# expect: 2 3
