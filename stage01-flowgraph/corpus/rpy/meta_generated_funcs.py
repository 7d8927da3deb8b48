"""Import-time metaprogramming: functions generated in a loop, kept in a dispatch table."""
from rpython.rlib.objectmodel import func_with_new_name


def make_binop(symbol, name):
    # Each call creates a new closure at import time; translated code only sees the
    # resulting function constants.
    if symbol == "+":
        def op(a, b):
            return a + b
    elif symbol == "-":
        def op(a, b):
            return a - b
    elif symbol == "*":
        def op(a, b):
            return a * b
    else:
        def op(a, b):
            return a // b
    return func_with_new_name(op, "op_" + name)


SYMBOLS = "+-*/"
TABLE = {}
NAMES = {}
for _s, _name in zip(SYMBOLS, ["add", "sub", "mul", "div"]):
    TABLE[_s] = make_binop(_s, _name)
    NAMES[_s] = TABLE[_s].__name__


def apply_all(a, b):
    out = []
    for symbol in SYMBOLS:
        out.append("%s=%d" % (NAMES[symbol], TABLE[symbol](a, b)))
    return " ".join(out)


def evaluate_rpn(tokens):
    stack = []
    for tok in tokens:
        if tok in TABLE:
            b = stack.pop()
            a = stack.pop()
            stack.append(TABLE[tok](a, b))
        else:
            stack.append(int(tok))
    return stack[0]


def entry_point(argv):
    print(apply_all(17, 5))
    print(apply_all(-9, 4))
    print("%d" % evaluate_rpn("3 4 + 2 * 7 /".split(" ")))
    print("%d" % evaluate_rpn("5 1 2 + 4 * + 3 -".split(" ")))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: op_add=22 op_sub=12 op_mul=85 op_div=3
# expect: op_add=-5 op_sub=-13 op_mul=-36 op_div=-3
# expect: 2
# expect: 14
