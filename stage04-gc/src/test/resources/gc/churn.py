# args: 100
# expect: rounds 100 total 5184000 survivors 10
"""Allocates far more than it keeps: each round builds strings of growing length (small ones,
then ones too big for a size class), a list that grows by resizing, and a chain of instances
with pointers, then drops them all.  Run with --heap-max=2m, it needs a collector: the rounds
allocate about 14 MiB in all (each concatenation makes a new string), never more than about
50 KiB live at once.  A few objects made before the first round live through every collection
and are checked at the end.
"""


class Node(object):
    def __init__(self, value, label, next):
        self.value = value
        self.label = label
        self.next = next


def round_of(r):
    s = ''
    head = None
    lengths = []
    for i in range(160):
        s = s + chr(97 + (i + r) % 26) + chr(65 + i % 26) + '.'   # 3 to 480 bytes
        head = Node(i, s, head)                                  # keeps every string alive
        lengths.append(len(s))
    total = 0
    node = head
    while node is not None:
        total += node.value + len(node.label)
        node = node.next
    return total + lengths[len(lengths) - 1]


def entry_point(argv):
    rounds = int(argv[1])
    survivors = []
    for k in range(10):
        survivors.append(Node(k, 'kept %d' % k, None))
    total = 0
    for r in range(rounds):
        total += round_of(r)
    checked = 0
    for k in range(10):
        if survivors[k].value == k and survivors[k].label == 'kept %d' % k:
            checked += 1
    print('rounds', rounds, 'total', total, 'survivors', checked)
    return 0


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
