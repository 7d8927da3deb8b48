"""% with a format known only at run time (rformat_runtime.py): the format is a string the
program builds, read by RPy helpers while it runs; each argument converted by its static type.
Errors are caught and named (their messages are checked by RuntimeFormattingTest)."""


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)

    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)


def try_format(fmt, n):
    try:
        return fmt % n
    except TypeError:
        return "TypeError"
    except ValueError:
        return "ValueError"
    except OverflowError:
        return "OverflowError"


def try_format_str(fmt, s):
    try:
        return fmt % s
    except TypeError:
        return "TypeError"
    except ValueError:
        return "ValueError"
    except OverflowError:
        return "OverflowError"


def entry_point(argv):
    e = argv[0][:0]           # an empty str the flow space cannot fold: every format below is run-time
    for p in range(4):
        print((e + "%." + str(p) + "f|%" + str(p + 4) + "d|%-" + str(p + 3) + "s|") % (3.14159, 42, "ab"))
    print((e + "%#05x %+.3d % d %o %X %c %c %u %i %%") % (255, 5, 7, 8, 255, 65, "z", True, -4))
    print((e + "%s %r %d %f %e %g %G %s %x") % (True, False, 2.7, 1, 1e20, 1e-5, 1e300, [1, 2], True))
    print((e + "%*d|%-*d|%.*f|%*s|") % (5, 3, 4, 7, 2, 1.5, -4, "l"))
    pt = Point(1, -2)
    print((e + "%s %r %10s|%-12r|%.3s %a %a") % (pt, pt, pt, pt, "abcdef", "caf\xe9", pt))
    print((e + "%s %r %s") % (None, "it's", (1, "a")))
    print((e + "%-8.3f|%+08.2f|% .5g|%#.0f|%#g|%F|%E") % (2.5, -1.5, 0.000123456, 3.0, 1.0, 1.5, 12345.678))
    print((e + "%5.1s|%.0r|%05s|%c|%5c|%-3c|") % ("xyz", "q", "ab", 98, "w", 120))
    print((e + "no specifiers, no arguments %% kept") % ())
    print((e + "%hd %ld %Lf") % (1, 2, 0.5))
    for f in ["%d", "%x", "%f", "%c", "%s", "%r", "%5.2s", "%q", "%", "%s %s", "plain", "%(a)s", "%*d", "%.*f"]:
        print(f, "->", try_format_str(e + f, "ab"), "/", try_format(e + f, 98), "/", try_format(e + f, -98))
    return 0


# expect: 3|  42|ab |
# expect: 3.1|   42|ab  |
# expect: 3.14|    42|ab   |
# expect: 3.142|     42|ab    |
# expect: 0x0ff +005  7 10 FF A z 1 -4 %
# expect: True False 2 1.000000 1.000000e+20 1e-05 1E+300 [1, 2] 1
# expect:     3|7   |1.50|l   |
# expect: (1, -2) Point(1, -2)    (1, -2)|Point(1, -2)|abc 'caf\xe9' Point(1, -2)
# expect: None "it's" (1, 'a')
# expect: 2.500   |-0001.50| 0.00012346|3.|1.00000|1.500000|1.234568E+04
# expect:     x||   ab|b|    w|x  |
# expect: no specifiers, no arguments % kept
# expect: 1 2 0.500000
# expect: %d -> TypeError / 98 / -98
# expect: %x -> TypeError / 62 / -62
# expect: %f -> TypeError / 98.000000 / -98.000000
# expect: %c -> TypeError / b / OverflowError
# expect: %s -> ab / 98 / -98
# expect: %r -> 'ab' / 98 / -98
# expect: %5.2s ->    ab /    98 /    -9
# expect: %q -> ValueError / ValueError / ValueError
# expect: % -> ValueError / ValueError / ValueError
# expect: %s %s -> TypeError / TypeError / TypeError
# expect: plain -> TypeError / TypeError / TypeError
# expect: %(a)s -> TypeError / TypeError / TypeError
# expect: %*d -> TypeError / TypeError / TypeError
# expect: %.*f -> TypeError / TypeError / TypeError


if __name__ == '__main__':
    import sys
    entry_point(sys.argv)
