"""Constant flags folded away at translation, and specialize.argtype for a function used
with several argument types."""
from rpython.rlib.objectmodel import specialize, we_are_translated

DEBUG = False
VERBOSITY = 1
LIMITS = {"small": 10, "large": 1000}


def debug(msg):
    if DEBUG:
        print("debug: " + msg)


@specialize.argtype(0)
def double(x):
    return x + x


@specialize.argtype(0)
def describe(x):
    return "<" + str(x) + ">"


MARKER = double._annspecialcase_     # read at import time; a str constant when translated


def length(s):
    if we_are_translated():
        n = 0                        # the translated branch must agree with the other one
        for c in s:
            n += 1
        return n
    return len(s)


def entry_point(argv):
    debug("never printed")
    if VERBOSITY > 0:
        print("verbosity %d" % VERBOSITY)
    print("%d %s %s" % (double(21), str(double(1.25)), double("ab")))
    print(describe(7) + describe(2.5) + describe("s"))
    print("limit %d" % LIMITS["large"])
    print("marker: " + MARKER)
    print("length %d" % length("translation"))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: verbosity 1
# expect: 42 2.5 abab
# expect: <7><2.5><s>
# expect: limit 1000
# expect: marker: specialize:argtype(0)
# expect: length 11
