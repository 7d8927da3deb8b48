"""super().__init__ in a class whose subclass the program makes first, inside a method of the base
class: the annotator binds the one __init__ to two classes, and the call, having one candidate
function, is a direct call with no vtable slot (fuzz seed 700003: "method '__init__' of Mid has
no vtable slot")."""
import sys

class Base(object):
    def __init__(self, a, b):
        self.a = a
        self.b = b
    def size(self, n):
        Mid(1.5, n, [n]).a = 2.5
        return n + Leaf(0.5, n, [1]).b

class Mid(Base):
    def __init__(self, a, b, c):
        super().__init__(a, b)
        self.c = c

class Leaf(Mid):
    def size(self, n):
        return n * 2

def entry_point(argv):
    n = len(argv)
    print(Leaf(0.1, 5, [1]).b)
    total = 0
    for i in range(3):
        total += Mid(3.5, i, [i]).size(i)
    print(total)
    return 0

if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: 5
# expect: 6
