# A random mutator for the collectors (MutatorTest): a stream of operations drawn from a seed
# allocates objects of several kinds, links them into a graph, drops them, and keys a dict by
# them; after each operation it prints a checksum of everything reachable from its roots, in a
# fixed order. MutatorTest runs the same stream on a model of the heap in Java and compares
# every line: under --gc-stress each allocation is a collection, so the heap is checked against
# the model after every collection.
MODULUS = 2147483648
ROOTS = 12


class Node(object):
    def __init__(self, value):
        self.value = value
        self.left = None
        self.right = None
        self.items = None
        self.name = ""
        self.seen = 0


def next_state(state):
    return (state * 1103515245 + 12345) % MODULUS


def checksum(roots, epoch):
    """Every node reachable from the roots, depth first (left, right, items), each once."""
    h = 0
    stack = []
    for r in roots:
        if r is not None:
            stack.append(r)
    stack.reverse()
    while len(stack) > 0:
        n = stack.pop()
        if n.seen == epoch:
            continue
        n.seen = epoch
        h = (h * 31 + n.value + len(n.name)) % MODULUS
        if n.items is not None:
            i = len(n.items) - 1
            while i >= 0:
                stack.append(n.items[i])
                i -= 1
        if n.right is not None:
            stack.append(n.right)
        if n.left is not None:
            stack.append(n.left)
    return h


def entry_point(argv):
    state = int(argv[1])
    steps = int(argv[2])
    roots = [None] * ROOTS
    keyed = {}
    for step in range(steps):
        state = next_state(state)
        op = state % 7
        i = (state // 7) % ROOTS
        j = (state // 97) % ROOTS
        v = (state // 1009) % 1000
        r = roots[i]
        if op == 0:
            roots[i] = Node(v)
        elif op == 1 and r is not None:
            r.left = roots[j]
        elif op == 2 and r is not None:
            r.right = Node(v)
        elif op == 3:
            roots[i] = None
        elif op == 4 and r is not None and roots[j] is not None:
            if r.items is None:
                r.items = []
            r.items.append(roots[j])
        elif op == 5 and r is not None:
            r.name = "n%d" % v
        elif op == 6 and r is not None:
            keyed[r] = v
        found = -1
        if roots[j] is not None and roots[j] in keyed:
            found = keyed[roots[j]]
        print(step, op, checksum(roots, step + 1), found)
    return 0
