"""Exceptions: raise ... from, implicit context, from None, finally ordering, args,
a custom __str__, bare re-raise."""


class AppError(Exception):
    def __init__(self, code, detail):
        super().__init__(code, detail)
        self.code = code

    def __str__(self):
        return "[%d] %s" % (self.args[0], self.args[1])


def parse_port(text):
    try:
        return int(text)
    except ValueError as e:
        raise AppError(2, "bad port %r" % text) from e


def load():
    try:
        {}["missing"]
    except KeyError:
        raise RuntimeError("while loading")


try:
    parse_port("http")
except AppError as e:
    print(e, "| code", e.code, "| cause:", type(e.__cause__).__name__, e.__cause__)
    print(e.__suppress_context__, e.args)

try:
    load()
except RuntimeError as e:
    print(e, "| context:", repr(e.__context__), "| cause:", e.__cause__)

try:
    raise ValueError("no context") from None
except ValueError as e:
    print(e.__cause__, e.__suppress_context__)


def order():
    log = []
    for i in range(3):
        try:
            try:
                if i == 1:
                    raise KeyError(i)
                log.append("body%d" % i)
            finally:
                log.append("finally%d" % i)
        except KeyError as e:
            log.append("caught %r" % e)
            continue
        else:
            log.append("else%d" % i)
    return log


print(order())


def swallow():
    try:
        return "try"
    finally:
        print("finally before return")


print(swallow())
e = ValueError("a", 1)
print(e.args, str(e), repr(e), str(ValueError()), repr(KeyError("k")))
print(issubclass(ZeroDivisionError, ArithmeticError), issubclass(KeyError, LookupError))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ArithmeticError as e:
    print("re-raised:", type(e).__name__, e)

# expect: [2] bad port 'http' | code 2 | cause: ValueError invalid literal for int() with base 10: 'http'
# expect: True (2, "bad port 'http'")
# expect: while loading | context: KeyError('missing') | cause: None
# expect: None True
# expect: ['body0', 'finally0', 'else0', 'finally1', 'caught KeyError(1)', 'body2', 'finally2', 'else2']
# expect: finally before return
# expect: try
# expect: ('a', 1) ('a', 1) ValueError('a', 1)  KeyError('k')
# expect: True True
# expect: re-raised: ZeroDivisionError division by zero
