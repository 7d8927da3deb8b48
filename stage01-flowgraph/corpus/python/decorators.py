"""Decorators: plain, with arguments, stacked, on methods, and class decorators."""

calls = []


def trace(func):
    def wrapper(*args, **kwargs):
        calls.append(func.__name__)
        return func(*args, **kwargs)
    wrapper.__name__ = func.__name__
    wrapper.__wrapped__ = func
    return wrapper


def repeat(times):
    def decorate(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorate


def memoize(func):
    cache = {}

    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper


@trace
def greet(name, punctuation="!"):
    return "hello " + name + punctuation


@repeat(3)
@trace
def roll(x):
    return x * 2


@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


registry = {}


def register(cls):
    registry[cls.__name__.lower()] = cls
    return cls


@register
class Plugin:
    pass


@register
class OtherPlugin(Plugin):
    pass


print(greet("world"), greet("rpy", punctuation="?"))
print(roll(21))
print(calls)
print(fib(80), len(fib.cache))
print(sorted(registry), greet.__name__, greet.__wrapped__("x"))

# expect: hello world! hello rpy?
# expect: [42, 42, 42]
# expect: ['greet', 'greet', 'roll', 'roll', 'roll']
# expect: 23416728348467685 81
# expect: ['otherplugin', 'plugin'] greet hello x!
