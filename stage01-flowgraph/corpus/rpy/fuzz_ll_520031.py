"""Found by taipan fuzz, seed 520031: ll: rtyper error: cannot convert [<class 'IndexError'>, <class 'ZeroDivisionError'>] to Ptr(GcStruct tuple2), then isinstance() takes a class known now. Reduced from 409 lines (by a line minimiser looking for the shape in the flow graph, then by hand into a program that runs); the expected output is cpython's. (An except (A, B) around a nested try: the flow space passes the tuple of classes into the handler's block as a variable, which the rtyper now matches on the classes its annotation knows.)"""
import sys


def half(x):
    if x > 3.0:
        raise ValueError('too big')
    return x / 2.0


class Box(object):
    def __init__(self, items):
        self.items = items

    def pick(self, c, xs):
        return self.items[ord(c) % 5] + str(len(xs))


def entry_point(argv):
    total = 0
    try:
        try:
            argv.remove('a')
        except IndexError:
            total += 1
        total += int(half(len(argv) * 2.5))
    except (IndexError, KeyError, ValueError, ZeroDivisionError):
        total += 100
    flag = not False
    for n in range(3):
        try:
            s = (Box(['', '1', '29', '1e3']), '-7')[0].pick(chr(32 + n * 2), list(reversed([1.5, 2.5][:n])))
            print(s)
        except (IndexError, ZeroDivisionError):
            seen = {n: flag}
            print('caught', n, len(seen), total < 64)
    print(total)
    return 0


# expect: 290
# expect: caught 1 1 False
# expect: 12
# expect: 100


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
