"""Closures: counters with nonlocal, late binding in loops, cells shared between closures."""


def make_counter(start=0):
    count = start

    def increment(step=1):
        nonlocal count
        count += step
        return count

    def peek():
        return count
    return increment, peek


inc, peek = make_counter(10)
inc()
inc(5)
print(peek())

late = [lambda: i for i in range(3)]
early = [lambda i=i: i for i in range(3)]
print([f() for f in late], [f() for f in early])


def outer():
    x = "outer"

    def middle():
        def inner():
            return x
        return inner
    x = "rebound"
    return middle()()


print(outer())


def accumulator():
    total = 0
    items = []

    def add(x):
        nonlocal total
        total += x
        items.append(x)
        return total
    return add, items


add, items = accumulator()
for n in (3, 4, 5):
    add(n)
print(add(0), items)
print(inc.__name__, inc.__qualname__)

# expect: 16
# expect: [2, 2, 2] [0, 1, 2]
# expect: rebound
# expect: 12 [3, 4, 5, 0]
# expect: increment make_counter.<locals>.increment
