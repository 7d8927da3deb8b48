"""Class details: class vs instance attributes, __dict__ and vars, getattr/setattr/hasattr/
delattr, type() and __class__, __name__/__qualname__, instance attributes shadowing class
ones, __getattr__ fallback, __setattr__ hooks, __str__ vs __repr__ in containers, and
type(name, bases, dict)."""


class Config:
    defaults = {"debug": False}
    count = 0

    def __init__(self, **kw):
        for key, value in kw.items():
            setattr(self, key, value)
        Config.count += 1

    def __getattr__(self, name):
        if name in self.defaults:
            return self.defaults[name]
        raise AttributeError(name)


class Audited:
    def __init__(self):
        self.changes = []
        self.value = 0

    def __setattr__(self, name, value):
        if name != "changes":
            self.changes.append(name)
        object.__setattr__(self, name, value)


class Inner:
    class Nested:
        pass

    def __str__(self):
        return "str-Inner"

    def __repr__(self):
        return "repr-Inner"


c = Config(host="h", port=80)
print(c.host, c.port, c.debug, hasattr(c, "nothing"), getattr(c, "nothing", "dflt"))
print(sorted(vars(c).items()), Config.count, type(c) is Config, c.__class__.__name__)
c.count = 99
print(c.count, Config.count, "count" in c.__dict__)
del c.count
print(c.count)
delattr(c, "port")
print(hasattr(c, "port"), sorted(c.__dict__))
a = Audited()
a.value = 5
a.other = "x"
print(a.changes, a.value)
print(Inner.Nested.__name__, Inner.Nested.__qualname__, str(Inner()), [Inner()], f"{Inner()!r}")
print(type(3).__name__, type("s"), type(None).__name__, type(type), isinstance(Config, type))
Dynamic = type("Dynamic", (Config,), {"extra": 1})
d = Dynamic(z=1)
print(Dynamic.__name__, d.extra, d.z, isinstance(d, Config), Dynamic.__bases__[0].__name__)
print(callable(len), callable(c), callable(Config), Config.__doc__, len.__name__)

# expect: h 80 False False dflt
# expect: [('host', 'h'), ('port', 80)] 1 True Config
# expect: 99 1 True
# expect: 1
# expect: False ['host']
# expect: ['value', 'value', 'other'] 5
# expect: Nested Inner.Nested str-Inner [repr-Inner] repr-Inner
# expect: int <class 'str'> NoneType <class 'type'> True
# expect: Dynamic 1 1 True Config
# expect: True False True None len
