"""Lists at the low level: growing and shrinking (append over-allocates, as CPython does),
pop, insert, extend, del, in, index, count, reverse, + and *, slices, list comprehensions,
list(range(...)), sorted() and sort() (a stable merge sort), min, max and sum, == between
lists; each one a helper written in RPy (rpython/rtyper/rlist.py)."""


class Item(object):
    def __init__(self, key):
        self.key = key


def show(label, xs):
    print(label, len(xs))
    for x in xs:
        print(" ", x)


def squares(n):
    return [i * i for i in range(n)]


def drain(xs):
    total = 0
    while xs:
        total = total * 3 + xs.pop()
    return total


def find(xs, x):
    try:
        return xs.index(x)
    except ValueError:
        return -1


def pop_at(xs, i):
    try:
        return xs.pop(i)
    except IndexError:
        return -100


def entry_point(argv):
    n = len(argv) + 9
    xs = []
    for i in range(n):
        xs.append(i * 2)
    print(len(xs), xs[0], xs[-1])
    print(xs.pop(), xs.pop(0), xs.pop(-3), len(xs))
    xs.insert(0, -5)
    xs.insert(-1, 99)
    xs.insert(1000, 100)
    xs.insert(-1000, -100)
    show("inserted", xs)
    del xs[1]
    del xs[-1]
    print(len(xs), xs[0], xs[1], xs[-1])
    xs.extend([7, 8])
    xs.extend(xs)
    print(len(xs), xs[-1], xs.count(8), find(xs, 99), find(xs, 1234))
    print(7 in xs, 1234 in xs, pop_at(xs, 1000), pop_at([], 0))
    xs.reverse()
    print(xs[0], xs[-1])
    print(drain(squares(6)))

    a = [1, 2, 3]
    b = a + [4, 5]
    c = a * 2
    d = 3 * [0]
    print(len(b), b[4], len(c), c[3], len(d), len([1] * -2))
    print(a == [1, 2, 3], a != [1, 2, 3], a == b, b[:3] == a)
    print(len(b[1:3]), b[1:3][0], len(b[-2:]), b[-2:][0], len(b[:-10]), len(b[3:1]), b[:][4])
    e = list(b)
    e[0] = 100
    print(b[0], e[0])
    b[1:3] = [20, 30, 40]
    del b[0:2]
    show("spliced", b)

    r = list(range(10, 0, -3))
    show("range", r)
    s = sorted([5, 3, 9, 1, 5, 0, -2, 8])
    show("sorted", s)
    f = [2.5, -1.0, 3.25, 0.5]
    f.sort()
    print(f[0], f[-1], min(f), max(f), sum(f))
    print(min(s), max(s), sum(s), sum([True, True, False]))
    cs = ['q', 'a', 'z', 'm']
    cs.sort()
    print(cs[0], cs[1], cs[2], cs[3], 'z' in cs)

    items = [Item(3), Item(1), Item(2)]
    first = items[0]
    print(first in items, Item(3) in items, items.index(first), [x.key * 10 for x in items][2])

    slots = [None] * 3          # a list of None, then of items: [None] * n fills a wider list
    slots[1] = Item(7)
    print(slots[0] is None, slots[1].key, len(slots), len([None] * 0))

    nothing = ([] + [])[:16]    # a list nothing is ever put in: its items are nothing at the low level
    for x in nothing:
        print(x)
    print(len(nothing), len(([] * 3)[1:]), len(nothing + nothing))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 10 0 18
# expect: 18 0 12 7
# expect: inserted 11
# expect:   -100
# expect:   -5
# expect:   2
# expect:   4
# expect:   6
# expect:   8
# expect:   10
# expect:   14
# expect:   99
# expect:   16
# expect:   100
# expect: 9 -100 2 16
# expect: 22 8 4 7 -1
# expect: True False -100 -100
# expect: 8 -100
# expect: 7653
# expect: 5 5 6 1 3 0
# expect: True False False True
# expect: 2 2 2 4 0 0 5
# expect: 1 100
# expect: spliced 4
# expect:   30
# expect:   40
# expect:   4
# expect:   5
# expect: range 4
# expect:   10
# expect:   7
# expect:   4
# expect:   1
# expect: sorted 8
# expect:   -2
# expect:   0
# expect:   1
# expect:   3
# expect:   5
# expect:   5
# expect:   8
# expect:   9
# expect: -1.0 3.25 -1.0 3.25 5.25
# expect: -2 9 29 2
# expect: a m q z True
# expect: True False 0 20
# expect: True 7 3 0
# expect: 0 0 0
