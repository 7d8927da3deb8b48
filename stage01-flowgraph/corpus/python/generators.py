"""Generators: yield, generator expressions, yield from, send, return values, infinite
generators consumed lazily."""


def countdown(n):
    while n > 0:
        yield n
        n -= 1


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out


def chain(*iterables):
    for it in iterables:
        yield from it


def delegate():
    result = yield from sub()
    yield "sub returned %s" % result


def sub():
    yield 1
    yield 2
    return "done"


def averager():
    total = 0.0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count


print(list(countdown(5)))
print(take(10, fib()))
print(sum(x * x for x in range(10)), max((len(w), w) for w in "a bb ccc dd".split()))
print(list(chain("ab", [1, 2], range(3, 5))))
print(list(delegate()))
avg = averager()
next(avg)
print([avg.send(v) for v in (10, 20, 60)])
gen = countdown(2)
print(next(gen), next(gen), next(gen, "exhausted"))
squares = (n * n for n in range(4))
print(type(squares).__name__, list(squares), list(squares))


def with_cleanup():
    try:
        yield "working"
    finally:
        print("cleanup ran")


g = with_cleanup()
print(next(g))
g.close()

# expect: [5, 4, 3, 2, 1]
# expect: [0, 1, 1, 2, 3, 5, 8, 13, 21, 34]
# expect: 285 (3, 'ccc')
# expect: ['a', 'b', 1, 2, 3, 4]
# expect: [1, 2, 'sub returned done']
# expect: [10.0, 15.0, 30.0]
# expect: 2 1 exhausted
# expect: generator [0, 1, 4, 9] []
# expect: working
# expect: cleanup ran
