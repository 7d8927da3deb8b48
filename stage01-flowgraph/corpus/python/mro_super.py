"""Multiple inheritance: C3 linearisation, cooperative super() calls, mixins."""


class Base:
    def __init__(self):
        self.log = ["Base"]

    def hello(self):
        return "Base"


class Left(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Left")

    def hello(self):
        return "Left>" + super().hello()


class Right(Base):
    def __init__(self):
        super().__init__()
        self.log.append("Right")

    def hello(self):
        return "Right>" + super().hello()


class Diamond(Left, Right):
    def __init__(self):
        super().__init__()
        self.log.append("Diamond")

    def hello(self):
        return "Diamond>" + super().hello()


d = Diamond()
print([c.__name__ for c in Diamond.__mro__])
print(d.log)
print(d.hello())
print(super(Left, d).hello())


class A: pass
class B(A): pass
class C(A): pass
class D(B, C): pass
class E(C): pass
class F(D, E): pass


print(" ".join(c.__name__ for c in F.__mro__))
print(issubclass(F, C), isinstance(d, Right), issubclass(Left, Right))

try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", str(e).split("\n")[0])


class JsonMixin:
    def to_json(self):
        items = ", ".join('"%s": %r' % (k, v) for k, v in sorted(vars(self).items()))
        return "{" + items + "}"


class Point(JsonMixin):
    def __init__(self, x, y):
        self.x, self.y = x, y


print(Point(1, 2).to_json())

# expect: ['Diamond', 'Left', 'Right', 'Base', 'object']
# expect: ['Base', 'Right', 'Left', 'Diamond']
# expect: Diamond>Left>Right>Base
# expect: Right>Base
# expect: F D B E C A object
# expect: True True False
# expect: TypeError: Cannot create a consistent method resolution
# expect: {"x": 1, "y": 2}
