"""Two links out of reached blocks that no value ever flows along, each with a value that has
no low-level representation of its own:

- ``total = fail(i)`` inside a loop: ``fail`` always raises, so its result (the annotator's
  ``Never``) is never passed to the loop's head, where ``total`` is an int. The annotator does
  not follow that link; the rtyper used to convert it anyway ("cannot convert Void to Signed",
  fuzz seed 911096).
- ``pick`` returns one of two functions that are never called (the only call is under a flag
  the flow space knows is off): a choice of functions nobody calls stores nothing, and the
  rtyper could not pass ``first()``, known to be one function, where that nothing is wanted
  ("cannot convert Void to Void", fuzz seed 910803)."""
import sys

DEBUG = False


class Boom(Exception):
    def __init__(self, code):
        self.code = code


def fail(n):
    raise Boom(n * 10)


def double(x):
    return x * 2


def triple(x):
    return x * 3


HANDLERS = [double, triple]


def first():
    return double


def pick(n):
    if n > 100:
        return first()
    if n > 50:
        return triple if n % 2 else double
    return HANDLERS[n % 2]


def collect(n):
    total = 0
    for i in range(n):
        try:
            total = fail(i)
        except Boom as e:
            total += e.code + 1
    return total


def entry_point(argv):
    f = pick(len(argv))
    if DEBUG:
        print(f(3))
    print('picked', len(HANDLERS), collect(len(argv) + 3))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: picked 2 64
