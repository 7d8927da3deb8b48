"""Numeric protocols: a Vector and a Fraction with __add__, __sub__, __mul__, __rmul__,
__truediv__, __neg__, __abs__, __eq__, __iadd__, __str__ and __repr__."""


def gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


class Fraction:
    def __init__(self, num, den=1):
        if den == 0:
            raise ZeroDivisionError("zero denominator")
        g = gcd(num, den) * (1 if den > 0 else -1)
        self.num, self.den = num // g, den // g

    def __add__(self, other):
        other = as_fraction(other)
        return Fraction(self.num * other.den + other.num * self.den, self.den * other.den)

    __radd__ = __add__

    def __sub__(self, other):
        return self + -as_fraction(other)

    def __neg__(self):
        return Fraction(-self.num, self.den)

    def __mul__(self, other):
        other = as_fraction(other)
        return Fraction(self.num * other.num, self.den * other.den)

    __rmul__ = __mul__

    def __truediv__(self, other):
        other = as_fraction(other)
        return Fraction(self.num * other.den, self.den * other.num)

    def __eq__(self, other):
        other = as_fraction(other)
        return self.num == other.num and self.den == other.den

    def __lt__(self, other):
        other = as_fraction(other)
        return self.num * other.den < other.num * self.den

    def __float__(self):
        return self.num / self.den

    def __str__(self):
        return str(self.num) if self.den == 1 else "%d/%d" % (self.num, self.den)

    def __repr__(self):
        return "Fraction(%d, %d)" % (self.num, self.den)


def as_fraction(x):
    return x if isinstance(x, Fraction) else Fraction(x)


class Vector:
    def __init__(self, *coords):
        self.coords = coords

    def __add__(self, other):
        return Vector(*[a + b for a, b in zip(self.coords, other.coords)])

    def __mul__(self, k):
        return Vector(*[a * k for a in self.coords])

    def __rmul__(self, k):
        return self * k

    def __abs__(self):
        return sum(a * a for a in self.coords) ** 0.5

    def __iadd__(self, other):
        self.coords = (self + other).coords
        return self

    def __repr__(self):
        return "Vector%r" % (self.coords,)


half = Fraction(1, 2)
third = Fraction(1, 3)
print(half + third, half - third, half * third, half / third, -half, 1 + half, 2 * third)
print(repr(Fraction(6, -8)), half == Fraction(2, 4), third < half, float(Fraction(7, 4)))
print(sum([Fraction(1, n) for n in range(1, 7)], Fraction(0)))
print(sorted([half, third, Fraction(-1), Fraction(5, 4)]))
v = Vector(3, 4)
w = v
v += Vector(1, 1)
print(v, w is v, abs(Vector(3, 4)), 2 * Vector(1, 2, 3), Vector(1, 0) * 1.5)

# expect: 5/6 1/6 1/6 3/2 -1/2 3/2 2/3
# expect: Fraction(-3, 4) True True 1.75
# expect: 49/20
# expect: [Fraction(-1, 1), Fraction(1, 3), Fraction(1, 2), Fraction(5, 4)]
# expect: Vector(4, 5) True 5.0 Vector(2, 4, 6) Vector(1.5, 0.0)
