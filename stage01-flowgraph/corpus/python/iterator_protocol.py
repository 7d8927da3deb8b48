"""Iterator classes: __iter__/__next__, StopIteration, iterables vs iterators, for over a
custom object, iter(callable, sentinel), and a linked structure walked by a generator."""


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        return CountdownIterator(self.start)


class CountdownIterator:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next

    def __iter__(self):
        node = self
        while node is not None:
            yield node.value
            node = node.next


c = Countdown(3)
print(list(c), list(c), sum(c), max(c))
it = iter(c)
print(next(it), iter(it) is it, list(it), list(it))
chain = Node(1, Node(2, Node(3)))
print(list(chain), [v * 10 for v in chain], 2 in chain)
data = [5, 6, 7, 0, 8]
pos = [0]


def read():
    pos[0] += 1
    return data[pos[0] - 1]


print(list(iter(read, 0)))
a, b, c2 = Countdown(3)
print(a, b, c2)
try:
    next(iter([]))
except StopIteration:
    print("StopIteration from an empty iterator")
print(dict(enumerate(Countdown(2))), list(zip(Countdown(3), "ab")))

# expect: [3, 2, 1] [3, 2, 1] 6 3
# expect: 3 True [2, 1] []
# expect: [1, 2, 3] [10, 20, 30] True
# expect: [5, 6, 7]
# expect: 3 2 1
# expect: StopIteration from an empty iterator
# expect: {0: 2, 1: 1} [(3, 'a'), (2, 'b')]
