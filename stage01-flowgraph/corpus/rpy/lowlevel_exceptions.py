"""Exceptions the way the exception transform sees them: caught by the caller, through three
frames, an overflow caught where it happens, finally on both paths, a handler chain tried in
order, a re-raise, exceptions in a loop, a recursion too deep caught, and at the end a re-raised
exception that no one catches, reported at the line that first raised it."""

from rpython.rlib.rarithmetic import ovfcheck


class AppError(Exception):
    def __init__(self, code):
        self.code = code


class NotFound(AppError):
    pass


class Denied(AppError):
    pass


class Fatal(Exception):
    pass


def lookup(key):
    if key < 0:
        raise Denied(key)
    if key > 100:
        raise NotFound(key)
    return key * 10


def level1(key):
    return lookup(key) + 1


def level2(key):
    return level1(key) + 1


def level3(key):
    return level2(key) + 1


def classify(key):
    try:
        level3(key)
        return "ok"
    except NotFound as e:
        return "not found %d" % e.code
    except Denied as e:
        return "denied %d" % e.code
    except AppError:
        return "app error"


def square_or_minus_one(n):
    try:
        return ovfcheck(n * n)
    except OverflowError:
        return -1


def guarded(key, log):
    try:
        return level3(key)
    finally:
        log.append(key)


def count_failures(n):
    failures = 0
    for key in range(n):
        try:
            lookup(key * 30 - 10)
        except AppError:
            failures += 1
    return failures


def deep(n):
    if n < 0:
        return 0
    return deep(n + 1) + 1


def recursion_caught():
    try:
        return deep(0)
    except RecursionError:
        return -1


def rethrow(key):
    try:
        return level3(key)
    except NotFound:
        print("rethrowing")
        raise


def lookup_strict(key):
    if key > 5:
        raise Fatal("missing key %d" % key)  # error: Fatal: missing key 7
    return key


def strict(key):
    try:
        return lookup_strict(key) + 1
    except Fatal:
        print("rethrowing")
        raise


def entry_point(argv):
    print(classify(5))
    print(classify(500))
    print(classify(-3))
    print(square_or_minus_one(3037000499))
    print(square_or_minus_one(3037000500))
    log = []
    print(guarded(2, log))
    try:
        guarded(200, log)
    except NotFound as e:
        print("guarded raised %d" % e.code)
    print(len(log))
    print(count_failures(8))
    print(recursion_caught())
    try:
        rethrow(101)
    except AppError as e:
        print("caught again %d" % e.code)
    print(strict(3))
    strict(7)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: ok
# expect: not found 500
# expect: denied -3
# expect: 9223372030926249001
# expect: -1
# expect: 23
# expect: guarded raised 200
# expect: 2
# expect: 5
# expect: -1
# expect: rethrowing
# expect: caught again 101
# expect: 4
# expect: rethrowing
