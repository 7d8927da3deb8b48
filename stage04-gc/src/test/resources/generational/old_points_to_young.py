"""Old objects that get young objects stored into them between minor collections.

A generational collector's minor collection traces the roots and the remembered set, not the
old space: a young object reachable only from an old one survives only if the write barrier
put that old object in the remembered set when the pointer was stored.  Here the old objects
are a prebuilt instance and a prebuilt list (old from the start), and an instance and a list
that survived a minor collection; each gets a young object stored into it (by a field store, an
item store, an append), and the program then allocates enough garbage to fill the nursery many
times over before it reads them back.  Without the barriers the young objects are freed with
the nursery and the reads find garbage (on the checked heap: a read of freed memory).
"""


class Node(object):
    def __init__(self, value):
        self.value = value
        self.next = None


class Holder(object):
    def __init__(self):
        self.child = None
        self.slots = [None, None]
        self.log = []


PREBUILT = Holder()
PREBUILT_LIST = []


def churn(n):
    """Garbage: n short-lived nodes, several nurseries of them (kept a moment in a list, so
    that the optimiser cannot remove their allocation)."""
    recent = []
    total = 0
    for i in range(n):
        recent.append(Node(i))
        if len(recent) == 100:
            total += recent[99].value
            recent = []
    return total


def give(holder, value):
    holder.child = Node(value)             # setfield into an old object
    holder.slots[value % 2] = Node(value + 1)   # setarrayitem into an old list's items
    holder.log.append(Node(value + 2))     # an append: maybe a new items array, maybe a store into the old one


def total(holder):
    s = holder.child.value
    for node in holder.slots:
        if node is not None:
            s += node.value
    for node in holder.log:
        s += node.value
    return s


def entry_point(argv):
    survivor = Holder()
    churn(10000)                           # survivor is promoted by a minor collection
    for r in range(4):
        give(PREBUILT, 10 * r)
        give(survivor, 10 * r + 5)
        PREBUILT_LIST.append(Node(r))
        chain = Node(100 + r)
        chain.next = PREBUILT.child        # a young object pointing to a young one: no barrier needed
        survivor.child.next = chain        # ... stored into an object promoted a moment ago
        churn(10000)
        print(r, total(PREBUILT), total(survivor), len(PREBUILT_LIST), PREBUILT_LIST[r].value,
              survivor.child.next.value, survivor.child.next.next.value)
    return 0


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)

# expect: 0 3 18 1 0 100 0
# expect: 1 35 55 2 1 101 10
# expect: 2 77 102 3 2 102 20
# expect: 3 129 159 4 3 103 30
