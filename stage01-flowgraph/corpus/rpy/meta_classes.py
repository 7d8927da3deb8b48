"""Classes generated at import time: one subclass per opcode, with class attributes
filled in from a table; translated code sees an ordinary class hierarchy."""


class Instr(object):
    name = "?"
    arity = 0

    def apply(self, a, b):
        raise NotImplementedError


def make_instr(name, arity, func):
    class I(Instr):
        def apply(self, a, b):
            return func(a, b)
    I.name = name
    I.arity = arity
    I.__name__ = "Instr_" + name
    return I


SPECS = [("inc", 1, lambda a, b: a + 1),
         ("add", 2, lambda a, b: a + b),
         ("mul", 2, lambda a, b: a * b),
         ("sqr", 1, lambda a, b: a * a)]
CLASSES = [make_instr(n, k, f) for (n, k, f) in SPECS]
INSTANCES = [cls() for cls in CLASSES]
CLASS_NAMES = ", ".join([cls.__name__ for cls in CLASSES])


def entry_point(argv):
    for instr in INSTANCES:
        print("%s/%d: %d" % (instr.name, instr.arity, instr.apply(6, 7)))
    acc = 1
    for instr in INSTANCES:
        acc = instr.apply(acc, 2)
    print("chained %d" % acc)
    print(CLASS_NAMES)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: inc/1: 7
# expect: add/2: 13
# expect: mul/2: 42
# expect: sqr/1: 36
# expect: chained 64
# expect: Instr_inc, Instr_add, Instr_mul, Instr_sqr
