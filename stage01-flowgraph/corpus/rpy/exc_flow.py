"""Nested try/except/else/finally, re-raise, and finally running on return and break."""


class StepError(Exception):
    pass


def step(n):
    if n % 3 == 0:
        raise StepError()
    return n * 2


def run(n, log):
    try:
        try:
            value = step(n)
        except StepError:
            log.append("inner caught %d" % n)
            if n > 5:
                raise
            value = -1
        else:
            log.append("inner else %d" % n)
        finally:
            log.append("inner finally %d" % n)
        return value
    except StepError:
        log.append("outer caught %d" % n)
        return -2
    finally:
        log.append("outer finally %d" % n)


def first_negative(lst):
    found = 0
    for x in lst:
        try:
            if x < 0:
                found = x
                break
        finally:
            print("checked %d" % x)
    return found


def entry_point(argv):
    for n in [2, 3, 9]:
        log = []
        result = run(n, log)
        print("run(%d) = %d: %s" % (n, result, "; ".join(log)))
    print("first negative %d" % first_negative([4, 0, -3, 7]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: run(2) = 4: inner else 2; inner finally 2; outer finally 2
# expect: run(3) = -1: inner caught 3; inner finally 3; outer finally 3
# expect: run(9) = -2: inner caught 9; inner finally 9; outer caught 9; outer finally 9
# expect: checked 4
# expect: checked 0
# expect: checked -3
# expect: first negative -3
