"""*args: functions taking any number of arguments, calls with f(a, *rest), forwarding."""


def total(*items):
    s = 0
    for x in items:
        s += x
    return s


def log(fmt, *args):
    return "[log] " + fmt % args


def forward(*args):
    return total(*args)


def point(x, y, z):
    return "(%d, %d, %d)" % (x, y, z)


class Greeter(object):
    def __init__(self, greeting):
        self.greeting = greeting

    def greet(self, *names):
        out = []
        for n in names:
            out.append(self.greeting + ", " + n)
        return out


def entry_point(argv):
    print(total(), total(1), total(1, 2, 3))
    print(log("%s has %d items", "cart", 3))
    pair = (4, 5)
    print(point(1, *pair), point(*(7, 8, 9)))
    print(forward(10, 20), forward(len(argv), 1, 1))
    g = Greeter("hi")
    print(g.greet("ann", "bob"))
    triple = (1, 2, 3)
    print(total(*triple), total(100, *triple))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 0 1 6
# expect: [log] cart has 3 items
# expect: (1, 4, 5) (7, 8, 9)
# expect: 30 3
# expect: ['hi, ann', 'hi, bob']
# expect: 6 106
