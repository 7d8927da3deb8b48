# args: 100000
# expect: length 100000 total 4999950000 in the list 100000 garbage 1288890
"""A structure a recursive mark could not survive: a chain of n cells (as deep as a pointer
chain gets) that a list also holds (n pointers in one object: as wide as it gets), kept alive
while strings are allocated and dropped, so that collections run while it lives.  A mark
phase that recursed would need n frames; one with a stack of fixed size would overflow it.
"""


class Cell(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def entry_point(argv):
    n = int(argv[1])
    cells = []
    head = None
    for i in range(n):
        head = Cell(i, head)
        cells.append(head)
    garbage = 0
    for i in range(n):
        garbage += len('garbage %d' % i)
    total = 0
    length = 0
    node = head
    while node is not None:
        total += node.value
        length += 1
        node = node.next
    same = 0
    for i in range(n):
        if cells[i].value == i:
            same += 1
    print('length', length, 'total', total, 'in the list', same, 'garbage', garbage)
    return 0


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
