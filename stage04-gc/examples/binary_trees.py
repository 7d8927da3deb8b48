# The binary-trees workload of the stage 04 figures (after the Computer Language Benchmarks
# Game's binary-trees, and Boehm's GCBench): a long-lived tree kept to the end, and many
# short-lived trees built, checked and dropped. Usage: binary_trees.py [TREES] [DEPTH]
# (default 20 trees of depth 16).
class Node(object):
    def __init__(self, left, right):
        self.left = left
        self.right = right


def make(depth):
    if depth == 0:
        return Node(None, None)
    return Node(make(depth - 1), make(depth - 1))


def check(node):
    if node.left is None:
        return 1
    return 1 + check(node.left) + check(node.right)


def entry_point(argv):
    trees = 20
    depth = 16
    if len(argv) > 1:
        trees = int(argv[1])
    if len(argv) > 2:
        depth = int(argv[2])
    long_lived = make(depth)
    total = 0
    for i in range(trees):
        total += check(make(depth))
    print("%d trees of depth %d: %d nodes checked; long-lived tree: %d nodes" % (trees, depth, total, check(long_lived)))
    return 0

# args: 4 10
# expect: 4 trees of depth 10: 8188 nodes checked; long-lived tree: 2047 nodes
