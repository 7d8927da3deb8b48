# Allocates far more than it keeps: 40 rounds of a 4000-node list, each dropped before the
# next, and one long-lived list that grows slowly. Under a moving collector the long-lived
# nodes move at every collection and must keep their values.
class Node(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def build(n, tag):
    head = None
    for i in range(n):
        head = Node(i + tag, head)
    return head


def total(head):
    s = 0
    while head is not None:
        s += head.value
        head = head.next
    return s


def entry_point(argv):
    keep = None
    checks = 0
    for r in range(40):
        checks += total(build(4000, r))
        keep = Node(r, keep)
    print(checks, total(keep))
    return 0

# expect: 323040000 780
