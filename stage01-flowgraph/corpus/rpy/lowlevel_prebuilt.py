"""Objects built at import time reach the low level as prebuilt data: a linked chain, a cycle,
instances in a list, one mutated at run time and seen through every reference."""


class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next

class Config(object):
    name = "cfg"
    def __init__(self, size, label):
        self.size = size
        self.label = label

CHAIN = Node(1, Node(2, Node(3, None)))
DEFAULT = Config(10, "default")
CONFIGS = [DEFAULT, Config(20, "big")]
LOOP = Node(7, None)
LOOP.next = LOOP

def total(n):
    s = 0
    while n is not None:
        s += n.value
        n = n.next
    return s

def entry_point(argv):
    print(total(CHAIN), DEFAULT.size, DEFAULT.label, DEFAULT.name)
    for c in CONFIGS:
        print(c.label, c.size)
    DEFAULT.size += 1
    print(CONFIGS[0].size, LOOP.next.next.value, LOOP.next is LOOP)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 6 10 default cfg
# expect: default 10
# expect: big 20
# expect: 11 7 True
