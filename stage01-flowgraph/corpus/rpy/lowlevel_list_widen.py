"""Lists copied into lists whose items the program widens afterwards: a slice, +, extend,
lst[a:b] = other and d.keys() whose items are chars (or instances of a subclass) copied into
lists that also hold strs (or instances of the base class). One low-level helper copies one
array into the other, so, as PyPy's ListDef.offspring and agree make them, the two lists store
their items alike (fuzz seeds 700110 and 700112)."""
import sys


class Shape(object):
    def __init__(self, n):
        self.n = n

    def size(self):
        return self.n


class Square(Shape):
    def size(self):
        return self.n * self.n


def total(shapes):
    t = 0
    for s in shapes:
        t += s.size()
    return t


def words(n):
    letters = ['a', 'b', 'c']              # chars...
    copy = letters[:n]
    copy.append('dd')                       # ...copied into a list of strs
    joined = letters + ['ee']
    more = ['x']
    more.extend(['yy', 'zzz'])
    middle = ['p', 'q', 'r']
    middle[1:2] = ['qq', 'q']
    return copy + joined + more + middle


def entry_point(argv):
    n = len(argv) + 1
    print(' '.join(words(n)))
    print(total([Shape(1), Shape(2)]))
    print(total(list({Square(3): 'nine'}.keys())))
    print(total([Shape(5)] + [Square(n)]))
    pairs = list({Square(4): 1}.items())
    pairs.append((Shape(7), 2))
    print(total([p[0] for p in pairs]) + pairs[0][1] + pairs[1][1])
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: a b dd a b c ee x yy zzz p qq q r
# expect: 3
# expect: 9
# expect: 9
# expect: 26
