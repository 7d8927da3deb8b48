"""Functions as values: stored in lists, dicts and variables, passed as arguments, then called
through one function pointer. The functions one value may hold are a family even where no call
site calls them together: they get one signature (here one returns a char, the other a str,
and one takes an int where the others a float), and a function stored but never called is a
null pointer that no call reaches."""
import sys


def first(s):
    return s[0]


def tail(s):
    return s[1:]


def double(x):
    return x * 2.0


def halve(x):
    return x / 2.0


def never_called(x):
    return x + 1.0


def shout(s):
    return s.upper()


def initial(s):
    return s[0]


def twice(f, x):
    return f(f(x))


STRS = [first, tail]
KEPT = [shout, initial]                  # only ever called by name
NUMS = {'double': double, 'halve': halve, 'never': never_called}


def entry_point(argv):
    word = 'function'
    for f in STRS:
        print(f(word))
    print(first('ab'), tail('abc'))      # called alone: a char, a str
    print(twice(double, 3.0), twice(halve, 3.0))
    g = double
    if len(argv) > 5:
        g = halve
    print(g(1.5))
    print(NUMS['halve'](5), NUMS['double'](2.5))
    ops = [halve, double, halve]
    x = 1.0
    for op in ops:
        x = op(x) + 1.0
    print(x)
    print(len(KEPT), shout('ab'), initial('cd'))
    pick = STRS[len(argv) % 2]
    print(pick('xyz'))
    return 0


# expect: f
# expect: unction
# expect: a bc
# expect: 12.0 0.75
# expect: 3.0
# expect: 2.5 5.0
# expect: 3.0
# expect: 2 AB c
# expect: yz


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
