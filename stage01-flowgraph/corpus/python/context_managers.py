"""with statements: __enter__/__exit__, exception suppression, nesting, several managers
in one statement, and return from inside a with block."""


class Resource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    def __enter__(self):
        self.log.append("open " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        self.log.append("close %s (%s)" % (self.name, exc_type.__name__ if exc_type else "ok"))
        return False


class Suppress:
    def __init__(self, *types):
        self.types = types
        self.caught = None

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None and issubclass(exc_type, self.types):
            self.caught = exc
            return True
        return False


log = []
with Resource("a", log) as a, Resource("b", log) as b:
    log.append("using %s and %s" % (a.name, b.name))
print(log)

log = []
try:
    with Resource("outer", log):
        with Resource("inner", log):
            raise ValueError("boom")
except ValueError as e:
    log.append("handled " + str(e))
print(log)

with Suppress(KeyError, IndexError) as s:
    [][1]
print("suppressed:", repr(s.caught))

try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("not suppressed: ZeroDivisionError")


def early_return():
    log = []
    with Resource("r", log):
        return log

print(early_return())

# expect: ['open a', 'open b', 'using a and b', 'close b (ok)', 'close a (ok)']
# expect: ['open outer', 'open inner', 'close inner (ValueError)', 'close outer (ValueError)', 'handled boom']
# expect: suppressed: IndexError('list index out of range')
# expect: not suppressed: ZeroDivisionError
# expect: ['open r', 'close r (ok)']
