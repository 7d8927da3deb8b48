# A long-lived list that gets young objects stored into it while garbage is made around it:
# under the generational collector the list is old, and each store goes through the barrier.
class Cell(object):
    def __init__(self, value, next):
        self.value = value
        self.next = next


def entry_point(argv):
    keep = [None] * 4
    chain = None
    for i in range(12):
        chain = Cell(i, chain)
        if i % 3 == 0:
            keep[i // 3] = Cell(100 + i, None)   # a young cell into the old list
        junk = Cell(-i, None)                    # garbage at once
    total = 0
    while chain is not None:
        total += chain.value
        chain = chain.next
    for c in keep:
        total += c.value
    print(total)
    return 0
# expect: 484
