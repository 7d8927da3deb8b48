"""A binary search tree of instances: insertion, traversal, height, None children."""


class Node(object):
    def __init__(self, key):
        self.key = key
        self.left = None
        self.right = None


def insert(node, key):
    if node is None:
        return Node(key)
    if key < node.key:
        node.left = insert(node.left, key)
    elif key > node.key:
        node.right = insert(node.right, key)
    return node


def inorder(node, out):
    if node is not None:
        inorder(node.left, out)
        out.append(node.key)
        inorder(node.right, out)


def height(node):
    if node is None:
        return 0
    return 1 + max(height(node.left), height(node.right))


def contains(node, key):
    while node is not None:
        if key == node.key:
            return True
        if key < node.key:
            node = node.left
        else:
            node = node.right
    return False


def entry_point(argv):
    root = None
    for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 30]:
        root = insert(root, k)
    keys = []
    inorder(root, keys)
    print("inorder: " + str(keys))
    print("height %d" % height(root))
    print(str(contains(root, 45)) + " " + str(contains(root, 55)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: inorder: [20, 30, 35, 40, 45, 50, 60, 65, 70, 80]
# expect: height 4
# expect: True False
