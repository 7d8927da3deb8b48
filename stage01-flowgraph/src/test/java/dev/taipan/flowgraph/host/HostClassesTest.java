package dev.taipan.flowgraph.host;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostClassesTest {
    @TempDir
    Path dir;

    private String out(String program) {
        HostRun r = HostRun.run(dir, program);
        assertThat(r.err()).isEmpty();
        return r.out();
    }

    @Test
    void inheritanceSuperAndC3() {
        assertThat(out("""
                class A:
                    def who(self): return "A"
                class B(A):
                    def who(self): return "B" + super().who()
                class C(A):
                    def who(self): return "C" + super().who()
                class D(B, C):
                    def who(self): return "D" + super(D, self).who()
                print(D().who(), [k.__name__ for k in D.__mro__], D.__bases__ == (B, C))
                print(isinstance(D(), (int, A)), issubclass(D, C), issubclass(bool, int), type(D()) is D)
                d = D()
                s = super(B, d)
                print(s.__thisclass__.__name__, s.__self__ is d, s.__self_class__.__name__)
                """)).isEqualTo("DBCA ['D', 'B', 'C', 'A', 'object'] True\nTrue True True True\nB True D\n");
    }

    @Test
    void inconsistentMroIsATypeError() {
        HostRun r = HostRun.run(dir, """
                class A: pass
                class B(A): pass
                class C(A, B): pass
                """);
        assertThat(r.err()).endsWith("TypeError: Cannot create a consistent method resolution\norder (MRO) for bases A, B\n");
    }

    @Test
    void descriptorsPropertiesStaticAndClassMethods() {
        assertThat(out("""
                class Temp:
                    scale = "C"
                    def __init__(self): self._c = 0
                    @property
                    def celsius(self): return self._c
                    @celsius.setter
                    def celsius(self, v): self._c = v
                    @staticmethod
                    def conv(x): return x * 9 / 5 + 32
                    @classmethod
                    def make(cls): return cls()
                t = Temp.make()
                t.celsius = 100
                print(t.celsius, Temp.conv(t.celsius), t.conv(0), type(t).__name__, Temp.scale, t.scale)
                try:
                    del t.celsius
                except AttributeError as e:
                    print(e)
                """)).isEqualTo("100 212.0 32.0 Temp C C\ncan't delete attribute 'celsius'\n");
    }

    @Test
    void operatorDundersIncludingReflectedAndInPlace() {
        assertThat(out("""
                class V:
                    def __init__(self, x): self.x = x
                    def __add__(self, o): return V(self.x + (o.x if isinstance(o, V) else o))
                    def __radd__(self, o): return V(o + self.x)
                    def __iadd__(self, o): self.x += 100; return self
                    def __mul__(self, k): return V(self.x * k)
                    __rmul__ = __mul__
                    def __neg__(self): return V(-self.x)
                    def __eq__(self, o): return isinstance(o, V) and o.x == self.x
                    def __lt__(self, o): return self.x < o.x
                    def __repr__(self): return "V(%r)" % self.x
                v = V(1)
                w = v
                w += 5
                print(V(1) + V(2), 3 + V(1), 2 * V(4), -V(3), w, v is w)
                print(V(1) == V(1), V(1) != V(2), V(2) > V(1), sorted([V(3), V(1), V(2)]), max(V(5), V(9)))
                """)).isEqualTo("V(3) V(4) V(8) V(-3) V(101) True\nTrue True True [V(1), V(2), V(3)] V(9)\n");
    }

    @Test
    void hashAndEqualityAsDictKeys() {
        assertThat(out("""
                class P:
                    def __init__(self, x, y): self.x, self.y = x, y
                    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
                    def __hash__(self): return hash((self.x, self.y))
                class NoHash:
                    def __eq__(self, o): return True
                d = {P(1, 2): "a"}
                print(d[P(1, 2)], P(1, 2) in {P(1, 2)}, {1: 'int', 1.0: 'float', True: 'bool'})
                try:
                    {NoHash(): 1}
                except TypeError as e:
                    print(e)
                """)).isEqualTo("a True {1: 'bool'}\nunhashable type: 'NoHash'\n");
    }

    @Test
    void containerProtocolAndCallAndGetattr() {
        assertThat(out("""
                class Seq:
                    def __init__(self): self.d = {}
                    def __len__(self): return len(self.d)
                    def __getitem__(self, k): return self.d.get(k, k * 2)
                    def __setitem__(self, k, v): self.d[k] = v
                    def __delitem__(self, k): del self.d[k]
                    def __contains__(self, k): return k in self.d
                    def __iter__(self): return iter(sorted(self.d))
                    def __call__(self, *a, **kw): return (a, kw)
                    def __getattr__(self, name): return "dyn_" + name
                    def __bool__(self): return True
                s = Seq()
                s[1] = "one"; s[2] = "two"
                del s[2]
                print(len(s), s[1], s[5], 1 in s, 2 in s, list(s), s(1, k=2), s.anything, bool(s))
                """)).isEqualTo("1 one 10 True False [1] ((1,), {'k': 2}) dyn_anything True\n");
    }

    @Test
    void introspectionAndDynamicClasses() {
        assertThat(out("""
                class Base:
                    '''doc'''
                    count = 0
                    class Inner: pass
                Dyn = type("Dyn", (Base,), {"extra": 1, "hello": lambda self: "hi"})
                d = Dyn()
                d.attr = 5
                print(Dyn.__name__, Dyn.__qualname__, Base.Inner.__qualname__, Base.__doc__, Dyn.extra, d.hello())
                print(vars(d), d.__dict__, d.__class__.__name__, Base.__module__, type(type), type(None).__name__)
                print(repr(Base())[:23], Base.__dict__['count'], hasattr(d, "nope"), getattr(d, "nope", 7))
                setattr(d, "z", 9)
                delattr(d, "attr")
                print(sorted(vars(d)), callable(d), callable(Dyn), callable(len))
                """)).isEqualTo("""
                Dyn Dyn Base.Inner doc 1 hi
                {'attr': 5} {'attr': 5} Dyn __main__ <class 'type'> NoneType
                <__main__.Base object a 0 False 7
                ['z'] False True True
                """.stripLeading());
    }

    @Test
    void strAndReprDefaultsAndOverrides() {
        assertThat(out("""
                class R:
                    def __repr__(self): return "R!"
                class S(R):
                    def __str__(self): return "S!"
                print(R(), str(R()), S(), repr(S()), [S()], f"{S()} {S()!r}")
                """)).isEqualTo("R! R! S! R! [R!] S! R!\n");
    }

    @Test
    void subclassesOfBuiltins() {
        assertThat(out("""
                class U(int):
                    def __new__(cls, v): return int.__new__(cls, v & 0xff)
                    def __repr__(self): return "U(%d)" % int(self)
                class MyList(list):
                    def total(self): return sum(self)
                class MyDict(dict):
                    def __missing__(self, k): return k.upper()
                class MyError(ValueError):
                    def __init__(self, msg, code):
                        super().__init__(msg)
                        self.code = code
                u = U(300)
                l = MyList([1, 2]); l.append(3)
                try:
                    raise MyError("bad", 7)
                except ValueError as e:
                    print(u, u + 1, isinstance(u, int), l, l.total(), len(l), MyDict()["x"], e, e.code, e.args)
                """)).isEqualTo("U(44) 45 True [1, 2, 3] 6 3 X bad 7 ('bad',)\n");
    }

    @Test
    void classCellAndZeroArgSuperInNestedClasses() {
        assertThat(out("""
                class Outer:
                    class Base:
                        def name(self): return "base"
                    class Derived(Base):
                        def name(self): return "derived/" + super().name()
                        def cls(self): return __class__.__name__
                print(Outer.Derived().name(), Outer.Derived().cls())
                """)).isEqualTo("derived/base Derived\n");
    }

    /** The eval loop caches attribute lookups per instruction; changing a class must be seen. */
    @Test
    void inlineCachesSeeClassChanges() {
        assertThat(out("""
                class A:
                    def m(self): return "A.m"
                class B(A):
                    pass
                b = B()
                def call(o): return o.m()
                def read(o): return o.x
                def write(o, v): o.x = v
                out = []
                for step in range(6):
                    if step == 1:
                        A.m = lambda self: "patched"
                    if step == 2:
                        B.m = lambda self: "B.m"
                    if step == 3:
                        del B.m
                    if step == 4:
                        b.m = lambda: "instance"
                    out.append(call(b))
                print(out)
                A.x = "class x"
                print(read(b))
                write(b, "inst x")
                print(read(b))
                A.x = property(lambda self: "prop x", lambda self, v: print("setter", v))
                print(read(b))
                write(b, "again")
                class C:
                    def __setattr__(self, n, v):
                        print("setattr", n)
                        object.__setattr__(self, n, v)
                c = C()
                write(c, 1)
                print(read(c))
                """)).isEqualTo("""
                ['A.m', 'patched', 'B.m', 'patched', 'instance', 'instance']
                class x
                inst x
                prop x
                setter again
                setattr x
                1
                """);
    }

    @Test
    void decoratorsCallableObjectsRecursiveReprsClassAssignmentAndGeneratorTrees() {
        assertThat(out("""
                def deco(tag):
                    def wrap(f):
                        def inner(*a, **k):
                            return "%s(%s)" % (tag, f(*a, **k))
                        inner.__name__ = f.__name__
                        inner.__wrapped__ = f
                        return inner
                    return wrap
                @deco("b")
                @deco("a")
                def hello(name="x"):
                    return "hello " + name
                print(hello(), hello(name="y"), hello.__name__)
                def register(cls):
                    cls.registered = True
                    return cls
                @register
                class R:
                    __slots__ = ("a",)
                    def __init__(self): self.a = 1
                print(R.registered, R().a)
                class Memo:
                    def __init__(self, f): self.f = f; self.cache = {}
                    def __call__(self, n):
                        if n not in self.cache:
                            self.cache[n] = self.f(n)
                        return self.cache[n]
                @Memo
                def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
                print(fib(80), len(fib.cache))
                l = [1]
                l.append(l)
                d = {"k": 1}
                d["self"] = d
                print(l, d)
                class A: pass
                class B: 
                    def hi(self): return "B"
                a = A()
                a.__class__ = B
                print(a.hi(), type(a).__name__)
                def gen_finally():
                    try:
                        yield 1
                        return
                    finally:
                        print("gen finally")
                print(list(gen_finally()))
                def pipeline():
                    nums = (i for i in range(20))
                    evens = (n for n in nums if n % 2 == 0)
                    squares = (n * n for n in evens)
                    return list(squares)
                print(pipeline())
                class Node:
                    def __init__(self, v, kids=()):
                        self.v, self.kids = v, list(kids)
                    def walk(self):
                        yield self.v
                        for k in self.kids:
                            yield from k.walk()
                t = Node(1, [Node(2, [Node(4)]), Node(3)])
                print(list(t.walk()), sum(t.walk()))
                print(sorted([3, 1, 2], key=None), sorted([(2, 'b'), (1, 'a')], key=lambda p: p[0], reverse=True))
                """)).isEqualTo("""
                b(a(hello x)) b(a(hello y)) hello
                True 1
                23416728348467685 81
                [1, [...]] {'k': 1, 'self': {...}}
                B B
                gen finally
                [1]
                [0, 4, 16, 36, 64, 100, 144, 196, 256, 324]
                [1, 2, 4, 3] 10
                [1, 2, 3] [(2, 'b'), (1, 'a')]
                """);
    }

    @Test
    void metaclassesInitSubclassAndSetName() {
        assertThat(out("""
                class Meta(type):
                    registry = []
                    def __new__(mcs, name, bases, ns, **kw):
                        ns["made_by"] = mcs.__name__
                        cls = super().__new__(mcs, name, bases, ns)
                        Meta.registry.append(name)
                        return cls
                    def __init__(cls, name, bases, ns, **kw):
                        super().__init__(name, bases, ns)
                        cls.tag = kw.get("tag", "none")
                    def describe(cls):
                        return "%s by %s tagged %s" % (cls.__name__, cls.made_by, cls.tag)
                class Base(metaclass=Meta):
                    def who(self):
                        return "base"
                class Child(Base, tag="kid"):
                    def who(self):
                        return "child/" + super().who()
                print(Meta.registry, type(Child) is Meta, isinstance(Child, type), Child.describe(), Child().who())
                class Singleton(type):
                    _instances = {}
                    def __call__(cls, *args):
                        if cls not in cls._instances:
                            cls._instances[cls] = super().__call__(*args)
                        return cls._instances[cls]
                class Config(metaclass=Singleton):
                    def __init__(self, v): self.v = v
                print(Config(1) is Config(2), Config(3).v)
                class Plugin:
                    plugins = []
                    def __init_subclass__(cls, name="?", **kw):
                        super().__init_subclass__(**kw)
                        Plugin.plugins.append((cls.__name__, name))
                class A(Plugin, name="a"): pass
                class B(Plugin): pass
                print(Plugin.plugins)
                class Field:
                    def __set_name__(self, owner, name):
                        self.name = owner.__name__ + "." + name
                class Model:
                    x = Field()
                print(Model.x.name)
                Dyn = Meta("Dyn", (), {"k": 1})
                print(Dyn.k, Dyn.made_by, Dyn.tag, Meta.registry[-1])
                """)).isEqualTo("""
                ['Base', 'Child'] True True Child by Meta tagged kid child/base
                True 1
                [('A', 'a'), ('B', '?')]
                Model.x
                1 Meta none Dyn
                """);
    }
}
