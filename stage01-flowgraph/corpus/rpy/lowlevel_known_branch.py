"""A conditional whose test the annotator knows and the flow space does not (a flag unpacked from
a tuple, a function that always returns the same bool), with a value of another type on the
branch never taken: ``'y' if on else ''`` is always a char, never the empty string. The
annotator does not follow the other branch; the rtyper used to convert that branch's value
anyway, into the char the join block holds, and stopped with a Java exception (fuzz seed
910471)."""
import sys


class Config(object):
    verbose = True
    limit = 3


def quiet():
    return False


def marks(argv):
    n, on = (len(argv), Config.verbose)
    out = [('y' if on else '') for i in range(n + 6) if i % 3 != 1]
    return ''.join(out)


def scaled(argv):
    n, on = (len(argv) + 4, Config.verbose)
    factor = Config.limit if on else 2.5
    return n * factor


def label(n):
    return ('' if quiet() else 'x') * n


def entry_point(argv):
    flags = list(argv)
    n, on = (len(argv), Config.verbose)
    flags += [('y' if on else '') for i in [0, 1, 2, 3]][:2]
    print(marks(argv), len(flags), flags[n])
    print(scaled(argv), label(3))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: yyyyy 3 y
# expect: 15 xxx
