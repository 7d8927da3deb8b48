"""Mixins: import_from_mixin copies methods into each class body, and a _mixin_ class is
a second base that adds methods without being a real base class."""
from rpython.rlib.objectmodel import import_from_mixin


class ComparableMixin(object):
    def lt(self, other):
        return self.key() < other.key()

    def max_of(self, other):
        if self.lt(other):
            return other
        return self


class Version(object):
    import_from_mixin(ComparableMixin)

    def __init__(self, major, minor):
        self.major = major
        self.minor = minor

    def key(self):
        return self.major * 1000 + self.minor

    def show(self):
        return "%d.%d" % (self.major, self.minor)


class Word(object):
    import_from_mixin(ComparableMixin)

    def __init__(self, text):
        self.text = text

    def key(self):
        return len(self.text)

    def show(self):
        return self.text


class ReprMixin(object):
    _mixin_ = True

    def describe(self):
        return "%s(%s)" % (self.kind, self.show())


class Base(object):
    kind = "base"

    def show(self):
        return "-"


class Leaf(Base, ReprMixin):
    kind = "leaf"

    def show(self):
        return "x"


SEPARATE_COPIES = Version.lt is not Word.lt


def entry_point(argv):
    a = Version(3, 11)
    b = Version(3, 9)
    print(a.max_of(b).show() + " " + str(b.lt(a)))
    print(Word("translator").max_of(Word("jit")).show())
    print(Leaf().describe())
    print("separate copies: " + str(SEPARATE_COPIES))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 3.11 True
# expect: translator
# expect: leaf(x)
# expect: separate copies: True
