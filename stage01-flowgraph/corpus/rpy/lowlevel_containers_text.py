"""Containers as text and in order at the low level: repr() of lists, tuples and dicts built from
their items' reprs (rpython/rtyper/rcontainer.py), an overridden __repr__ called through the
vtable, tuples and lists compared item by item, and sort/min/max of strs and tuples."""


class Animal(object):
    def __init__(self, name):
        self.name = name


class Cat(Animal):
    def __repr__(self):
        return "Cat(%r)" % self.name


class Dog(Animal):
    def __repr__(self):
        return "Dog(%s)" % self.name

    def __str__(self):
        return "a dog"


def pets(n):
    out = [Cat("tom"), Dog("rex")]
    if n > 100:
        out.append(None)
    return out


def entry_point(argv):
    print([])
    print([1, -2, 30])
    print(["a", "it's", 'say "hi"', "both ' and \"", "tab\there", "back\\slash", "\x01\x7f", ""])
    print(['c', 'h'])
    print((1,))
    print(())
    print((1, "one", True, None))
    print([(1, "a"), (-2, "b")])
    print([[1, 2], [], [3]])
    print({"x": [1], "y": []})
    print({1: (2, "two")})
    empty = {}
    empty[0] = 0
    del empty[0]
    print(empty)
    animals = pets(len(argv))
    print(animals)
    print(Dog("max"))
    print("%r / %r" % (animals[0], (animals[1], 5)))
    maybe = [Cat("a"), None]
    if len(argv) > 50:
        maybe.append(Cat("b"))
    print(maybe)
    print(str([False]) + repr(("q",)))
    words = ["pear", "Apple", "fig", "apple", "", "fig"]
    words.sort()
    print(words)
    print(sorted(words, reverse=True))
    print(min(words) + "|" + max(words))
    pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a"), (-3, "q")]
    print(sorted(pairs))
    print(max(pairs), min(pairs))
    stable = [(1, 0), (0, 5), (1, 0)]
    print(sorted(stable, reverse=True))
    lists = [[3, 1], [2], [3], []]
    lists.sort()
    print(lists)
    a = (1, "x")
    b = (1, "y")
    print(a < b, a <= b, a > b, a >= b, a == b, a != b, a == (1, "x"))
    print([1, 2] < [1, 2, 3], [1, 3] > [1, 2, 9], ["a"] == ["a"], ["a"] != ["b"], [[1], [2]] == [[1], [2]])
    print("abc" < "abd", "b" > "abc", "" < "a")
    return 0


# expect: []
# expect: [1, -2, 30]
# expect: ['a', "it's", 'say "hi"', 'both \' and "', 'tab\there', 'back\\slash', '\x01\x7f', '']
# expect: ['c', 'h']
# expect: (1,)
# expect: ()
# expect: (1, 'one', True, None)
# expect: [(1, 'a'), (-2, 'b')]
# expect: [[1, 2], [], [3]]
# expect: {'x': [1], 'y': []}
# expect: {1: (2, 'two')}
# expect: {}
# expect: [Cat('tom'), Dog(rex)]
# expect: a dog
# expect: Cat('tom') / (Dog(rex), 5)
# expect: [Cat('a'), None]
# expect: [False]('q',)
# expect: ['', 'Apple', 'apple', 'fig', 'fig', 'pear']
# expect: ['pear', 'fig', 'fig', 'apple', 'Apple', '']
# expect: |pear
# expect: [(-3, 'q'), (1, 'a'), (1, 'z'), (2, 'a'), (2, 'b')]
# expect: (2, 'b') (-3, 'q')
# expect: [(1, 0), (1, 0), (0, 5)]
# expect: [[], [2], [3], [3, 1]]
# expect: True True False False False True True
# expect: True True True True True
# expect: True True True


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
