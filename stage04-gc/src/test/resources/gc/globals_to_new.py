# args: 200
# expect: chain 200 19900 history 200 19900 ok names 7 1372 square 39601 sq
"""Prebuilt objects (a module-level instance, a list, a dict) made to point at new objects at
run time, objects that nothing else holds: only the static roots (every prebuilt object that
can hold a GC pointer) keep them alive.  A collector that marked or copied from the shadow stack
alone would free them, and the next read would fail in the checked heap.
"""


class Box(object):
    def __init__(self, value, label):
        self.value = value
        self.label = label
        self.next = None


class Registry(object):
    def __init__(self):
        self.latest = None
        self.count = 0


REGISTRY = Registry()
HISTORY = []          # resized at run time: its new items arrays are held by the prebuilt list only
BY_NAME = {}
ANCHOR = Box(0, 'anchor')


def fill(n):
    for i in range(n):
        b = Box(i, 'box %d' % i)
        b.next = REGISTRY.latest
        REGISTRY.latest = b
        REGISTRY.count += 1
        HISTORY.append(b)
        BY_NAME['k%d' % (i % 7)] = b
        ANCHOR.next = Box(i * i, 'sq')


def entry_point(argv):
    fill(int(argv[1]))
    length = 0
    total = 0
    node = REGISTRY.latest
    while node is not None:
        length += 1
        total += node.value
        node = node.next
    htotal = 0
    ok = True
    for i in range(len(HISTORY)):
        htotal += HISTORY[i].value
        if HISTORY[i].label != 'box %d' % i:
            ok = False
    ntotal = 0
    for k in BY_NAME:
        ntotal += BY_NAME[k].value
    print('chain', length, total, 'history', len(HISTORY), htotal, 'ok' if ok else 'BROKEN',
          'names', len(BY_NAME), ntotal, 'square', ANCHOR.next.value, ANCHOR.next.label)
    return 0


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
