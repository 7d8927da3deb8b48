"""unrolling_iterable: a loop over functions of different signatures, unrolled by the
flow space so that every item is a constant."""
from rpython.rlib.unroll import unrolling_iterable


def op_neg(a, b):
    return -a


def op_add(a, b):
    return a + b


def op_max(a, b):
    if a > b:
        return a
    return b


def op_describe(a, b):
    return a * 100 + b


OPS = unrolling_iterable([("neg", op_neg), ("add", op_add), ("max", op_max),
                          ("describe", op_describe)])
POWERS = unrolling_iterable([1, 2, 3, 4])
N_OPS = len(OPS)


def dispatch(name, a, b):
    for opname, func in OPS:
        if opname == name:
            return func(a, b)
    raise ValueError


def power(x, n):
    result = 1
    for i in range(n):
        result *= x
    return result


def powers_sum(x):
    total = 0
    for p in POWERS:
        total += power(x, p)
    return total


def entry_point(argv):
    for name in ["add", "neg", "max", "describe"]:
        print("%s(7, 3) = %d" % (name, dispatch(name, 7, 3)))
    try:
        dispatch("nope", 1, 2)
    except ValueError:
        print("unknown op")
    print("%d ops, %d" % (N_OPS, powers_sum(2)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: add(7, 3) = 10
# expect: neg(7, 3) = -7
# expect: max(7, 3) = 7
# expect: describe(7, 3) = 703
# expect: unknown op
# expect: 4 ops, 30
