"""Stage 03's odds and ends: x in lst, lst.index, lst.count, lst.remove and == on lists of strs,
tuples, lists, floats and instances (each item type's own equality); list() of a str (the
empty one too), a tuple, a dict (its keys), d.items(), d.values(), enumerate, zip and reversed;
super() and super(C, self) over three classes, with defaults and a method the parent calls
back through the vtable; and tuples of narrower items (a char for a str, a subclass for its
base) stored in a list of wider tuples.
"""


class Animal(object):
    def __init__(self, name):
        self.name = name


def finding_items(argv):
    words = ["to", "be", "", "or", "not", "to", "be"]
    words.append(argv[0][:0] + "be")
    print("%s %s %s %s" % ("be" in words, "" in words, "xyz" in words, argv[0][:0] in words))
    print("%d %d %d %d" % (words.index("or"), words.index(""), words.count("be"), words.count("b")))
    words.remove("be")
    words.remove("to")
    print(words)
    try:
        words.remove("xyz")
    except ValueError:
        print("remove: not there")
    try:
        words.index("xyz")
    except ValueError:
        print("index: not there")
    pairs = [(1, "a"), (2, "b"), (1, "a")]
    pairs.append((len(argv), "c"))
    print("%s %s %d %d" % ((2, "b") in pairs, (2, "a") in pairs, pairs.count((1, "a")), pairs.index((1, "c"))))
    rows = [[1, 2], [], [3]]
    rows.append([len(argv)])
    print("%s %s %d" % ([3] in rows, [2, 1] in rows, rows.index([1])))
    floats = [0.0, 1.5, -2.5]
    floats.append(3.0)
    print("%s %s %d" % (-0.0 in floats, 3 in floats, floats.index(-2.5)))
    a = Animal("a")
    zoo = [a, Animal("a")]
    zoo.append(a)
    print("%d %d" % (zoo.count(a), zoo.index(zoo[1])))
    print("%s %s" % (["x", "y"] == ["x", "y"][:len(argv) + 1], ["x"] != ["y"]))


def listing(argv):
    s = "maze" + argv[0][:0]
    print(list(s))
    print(list(""))
    print(list("rpython"))
    letters = list(s)
    letters.sort()
    letters.append("!")
    print("".join(letters))
    print(list((3, 1, 2)))
    d = {"b": 2, "a": 1, "c": 3}
    print(list(d))
    print(list(d.items()))
    print(list(d.values()))
    print(list(enumerate(s)))
    print(list(zip(s, [1, 2, 3])))
    print(list(reversed([1, 2, 3])))
    print(list(reversed(s)))
    print(len(list(range(0))))
    chars = list(s[:2])
    chars.append("cd")
    print(chars)
    print(sorted("hello"))
    print(sorted((3, 1, 2), reverse=True))
    pairs = list(zip("ab", (1, 2)))
    pairs.append(("cc", 3))
    print(pairs)


class Base(object):
    def __init__(self, name):
        self.name = name

    def kind(self):
        return "base"

    def describe(self, prefix="<"):
        return prefix + self.name + ":" + self.kind()


class Middle(Base):
    def __init__(self, name, n):
        super().__init__(name)
        self.n = n

    def kind(self):
        return "middle%d" % self.n

    def describe(self, prefix="<"):
        return "M" + super().describe(prefix)


class Leaf(Middle):
    def __init__(self, name):
        super(Leaf, self).__init__(name, 3)

    def kind(self):
        return "leaf/" + super().kind()

    def describe(self, prefix="<"):
        return "L" + super(Leaf, self).describe("[")


def supers():
    for o in [Base("b"), Middle("m", 2), Leaf("l")]:
        print(o.describe())
        print(o.kind())


class Dog(Animal):
    pass


def tuple_conversions(argv):
    for section, key in [("limits", "timeout"), ("server", "user"), ("nowhere", "x"), ("y", "")]:
        print(section + "." + key)
    nums = [(1, 2.5), (3, 4.25)]
    print(nums)
    zoo = [(Dog("rex"), 1), (Animal("cat"), 2)]
    print(zoo[0][0].name + zoo[1][0].name)
    nested = [((1, "a"), 2.0), ((len(argv), "bc"), 3.5)]
    print(nested)
    t = ("a", 1)
    if len(argv) > 5:
        t = ("long", 2)
    print(t)


def entry_point(argv):
    finding_items(argv)
    listing(argv)
    supers()
    tuple_conversions(argv)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
# expect: True True False True
# expect: 3 2 3 0
# expect: ['', 'or', 'not', 'to', 'be', 'be']
# expect: remove: not there
# expect: index: not there
# expect: True False 2 3
# expect: True False 3
# expect: True True 2
# expect: 2 1
# expect: True True
# expect: ['m', 'a', 'z', 'e']
# expect: []
# expect: ['r', 'p', 'y', 't', 'h', 'o', 'n']
# expect: aemz!
# expect: [3, 1, 2]
# expect: ['b', 'a', 'c']
# expect: [('b', 2), ('a', 1), ('c', 3)]
# expect: [2, 1, 3]
# expect: [(0, 'm'), (1, 'a'), (2, 'z'), (3, 'e')]
# expect: [('m', 1), ('a', 2), ('z', 3)]
# expect: [3, 2, 1]
# expect: ['e', 'z', 'a', 'm']
# expect: 0
# expect: ['m', 'a', 'cd']
# expect: ['e', 'h', 'l', 'l', 'o']
# expect: [3, 2, 1]
# expect: [('a', 1), ('b', 2), ('cc', 3)]
# expect: <b:base
# expect: base
# expect: M<m:middle2
# expect: middle2
# expect: LM[l:leaf/middle3
# expect: leaf/middle3
# expect: limits.timeout
# expect: server.user
# expect: nowhere.x
# expect: y.
# expect: [(1, 2.5), (3, 4.25)]
# expect: rexcat
# expect: [((1, 'a'), 2.0), ((1, 'bc'), 3.5)]
# expect: ('a', 1)
