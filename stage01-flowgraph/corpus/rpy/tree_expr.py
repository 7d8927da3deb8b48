"""An expression tree built from classes, evaluated and printed by virtual methods."""


class Expr(object):
    def eval(self, x):
        raise NotImplementedError

    def show(self):
        raise NotImplementedError


class Num(Expr):
    def __init__(self, value):
        self.value = value

    def eval(self, x):
        return self.value

    def show(self):
        return str(self.value)


class Var(Expr):
    def eval(self, x):
        return x

    def show(self):
        return "x"


class BinOp(Expr):
    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def eval(self, x):
        a = self.left.eval(x)
        b = self.right.eval(x)
        if self.op == "+":
            return a + b
        elif self.op == "*":
            return a * b
        return a - b

    def show(self):
        return "(%s %s %s)" % (self.left.show(), self.op, self.right.show())


def build(depth):
    if depth == 0:
        return Var()
    return BinOp("+", BinOp("*", build(depth - 1), Num(depth)), Num(1))


def entry_point(argv):
    e = BinOp("-", BinOp("*", Var(), Var()), Num(4))
    print(e.show())
    print(" ".join([str(e.eval(x)) for x in range(-3, 4)]))
    t = build(3)
    print(t.show() + " at 2 = " + str(t.eval(2)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: ((x * x) - 4)
# expect: 5 0 -3 -4 -3 0 5
# expect: ((((((x * 1) + 1) * 2) + 1) * 3) + 1) at 2 = 22
