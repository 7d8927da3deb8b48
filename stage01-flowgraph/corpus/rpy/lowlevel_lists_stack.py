"""A stack on a list that grows and shrinks by append and pop, a queue of work items, and a
pop from the empty stack that no one catches: IndexError, raised in the RPy helper
(rpython/rtyper/rlist.py), ends the program at the line of the pop, as on CPython."""


class Frame(object):
    def __init__(self, depth, value):
        self.depth = depth
        self.value = value


def hanoi_moves(n):
    # an explicit stack in place of recursion: (n, from, to) triples as three parallel lists
    ns = [n]
    froms = [0]
    tos = [2]
    moves = []
    while ns:
        k = ns.pop()
        a = froms.pop()
        b = tos.pop()
        if k == 0:
            continue
        c = 3 - a - b
        ns.extend([k - 1, 1, k - 1])
        froms.extend([c, a, a])
        tos.extend([b, b, c])
        if k == 1:
            moves.append(a * 10 + b)
            del ns[-3:]
            del froms[-3:]
            del tos[-3:]
    return moves


def evaluate(depth):
    frames = [Frame(0, 1)]
    total = 0
    while frames:
        f = frames.pop(0)
        total += f.value
        if f.depth < depth:
            frames.append(Frame(f.depth + 1, f.value * 2))
            frames.insert(0, Frame(f.depth + 1, f.value + 1))
    return total


def drain(stack, times):
    s = 0
    for i in range(times):
        s += stack.pop()  # error: IndexError: pop from empty list
    return s


def entry_point(argv):
    moves = hanoi_moves(4)
    print(len(moves), moves[0], moves[-1], moves[:3] == [1, 2, 12])
    print(evaluate(3), evaluate(6))
    stack = [1, 2, 3]
    stack.append(4)
    print(drain(stack, 2), len(stack))
    print(drain(stack, 3))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 15 1 12 True
# expect: 65 2059
# expect: 7 2
