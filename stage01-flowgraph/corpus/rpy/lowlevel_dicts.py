"""Dicts at the low level: an ordered hash table written in RPy (rpython/rtyper/rdict.py).
Int, char and instance keys; insertion order kept through deletions and resizes; KeyError
checked; a dict built at import time is in the image."""

ROMAN = {'I': 1, 'V': 5, 'X': 10, 'L': 50, 'C': 100}


class Token(object):
    def __init__(self, n):
        self.n = n


def roman(s):
    n = 0
    prev = 0
    for c in s:
        v = ROMAN[c]
        if v > prev:
            n -= 2 * prev
        n += v
        prev = v
    return n


def squares(n):
    d = {}
    for i in range(n):
        d[i] = i * i
    return d


def sum_values(d):
    s = 0
    for k in d:
        s += d[k]
    return s


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def count_chars(s):
    counts = {}
    for c in s:
        counts[c] = counts.get(c, 0) + 1
    return counts


class Stamp(Token):
    pass


class Holder(object):
    def __init__(self):
        self.t = None


def defaults():
    # get/pop's result is the union of the values and the default, not the dict's type
    x = {}.get(Stamp(1), Stamp(2))
    h = Holder()
    h.t = {}.get(3, Stamp(4))
    e = {1: Stamp(5)}
    found = e.get(1, Token(6))
    missing = e.get(2, Token(7))
    print(x.n, h.t.n, found.n, missing.n)
    g = {1: None}
    print(g.get(1, Stamp(8)) is None, g.get(2, Stamp(9)).n)
    w = {1: Stamp(10)}
    print(w.pop(1, Token(11)).n, w.pop(1, Token(12)).n, len(w))
    n = {}
    print(n.pop('x', 13), n.get('x', 'none'))
    chars = {1: 'a', 2: 'c'}
    print(chars.get(1, 'bb'), chars.get(5, 'bb'), chars.pop(2, 'zz'), chars.pop(2, 'zz'), len(chars))


def entry_point(argv):
    d = squares(10)
    print(len(d), d[3], d[9], sum_values(d))
    print(lookup(d, 4), lookup(d, 42), lookup(d, -1))
    del d[3]
    print(len(d), 3 in d, 4 in d)
    d[3] = 99
    first = -1
    last = -1
    for k in d:
        if first < 0:
            first = k
        last = k
    print(first, last)

    # many keys, most deleted while the dict grows: resizes drop the holes, order survives
    big = {}
    for i in range(1000):
        big[i * 7 - 3000] = i
        if i % 3 != 0:
            del big[i * 7 - 3000]
    print(len(big), big[-3000], big[999 * 7 - 3000])
    n = 0
    last = -100000
    for k in big:
        if k < last:
            n += 1
        last = k
    print(n)

    # keys that collide in the index table: equal low bits
    coll = {}
    for i in range(50):
        coll[i * 1024] = i
    print(len(coll), coll[49 * 1024], lookup(coll, 1), lookup(coll, 48 * 1024))

    counts = count_chars("mississippi")
    print(counts['s'], counts['i'], counts['p'], counts['m'], counts.get('z', 0))

    lit = {1: 10, 2: 20, 3: 30}
    print(lit.get(2, -1), lit.get(5, -1), lit.setdefault(4, 40), lit.setdefault(1, 0), len(lit))
    print(lit.pop(2), lit.pop(7, -7), len(lit))
    total = 0
    for k, v in lit.items():
        total += k * v
    print(total)
    ks = 0
    for k in lit.keys():
        ks = ks * 10 + k
    vs = 0
    for v in lit.values():
        vs += v
    print(ks, vs)
    other = dict(lit)
    other[100] = 1
    print(len(lit), len(other))
    lit.update(other)
    print(len(lit), lit[100])
    lit.clear()
    print(len(lit), 1 in lit)
    if lit:
        print("full")
    else:
        print("empty")
    lit[5] = 5
    print(not lit, lit[5])
    try:
        print(lit[6])
    except KeyError:
        print("KeyError caught")

    print(roman("XCIV"), roman("LXXVII"), len(ROMAN))
    a = Token(1)
    b = Token(1)
    owner = {a: 10}
    owner[b] = 20
    print(len(owner), owner[a], owner[b], Token(1) in owner)
    defaults()
    return 0


# expect: 10 9 81 285
# expect: 16 -1 -1
# expect: 9 False True
# expect: 0 3
# expect: 334 0 999
# expect: 0
# expect: 50 49 -1 48
# expect: 4 4 2 1 0
# expect: 20 -1 40 10 4
# expect: 20 -7 3
# expect: 260
# expect: 134 80
# expect: 3 4
# expect: 4 1
# expect: 0 False
# expect: empty
# expect: False 5
# expect: KeyError caught
# expect: 94 77 5
# expect: 2 10 20 False
# expect: 2 4 5 7
# expect: True 9
# expect: 10 12 0
# expect: 13 none
# expect: a bb c zz 1


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
