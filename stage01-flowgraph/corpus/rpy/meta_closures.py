"""Closures built at import time are constants for the translator: adders, a memo table,
and decorators applied when the module is imported."""


def make_adder(n):
    def add(x):
        return x + n
    return add


def make_scaler(factor, offset):
    def scale(x):
        return x * factor + offset
    return scale


add5 = make_adder(5)
add10 = make_adder(10)
celsius_to_f = make_scaler(9, 160)    # 5 * F = 9 * C + 160

CALLS = []


def logged(func):
    CALLS.append(func.__name__)       # runs once per decorated function, at import time
    return func


@logged
def square(x):
    return x * x


@logged
def cube(x):
    return x * x * x


def compose_all(x):
    return add10(add5(square(x)))


def entry_point(argv):
    print("%d %d" % (add5(1), add10(1)))
    for c in [-40, 0, 100]:
        print("%dC = %dF" % (c, celsius_to_f(c) // 5))
    print("%d %d" % (compose_all(3), cube(-3)))
    print("decorated at import: " + ", ".join(CALLS))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 6 11
# expect: -40C = -40F
# expect: 0C = 32F
# expect: 100C = 212F
# expect: 24 -27
# expect: decorated at import: square, cube
