"""property (getter, setter, deleter), staticmethod, classmethod, class-level state."""


class Temperature:
    instances = 0

    def __init__(self, celsius=0.0):
        self._celsius = celsius
        Temperature.instances += 1

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero: %s" % value)
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, value):
        self.celsius = (value - 32) * 5 / 9

    @celsius.deleter
    def celsius(self):
        print("resetting")
        self._celsius = 0.0

    @property
    def kelvin(self):
        return self._celsius + 273.15

    @staticmethod
    def is_freezing(celsius):
        return celsius <= 0

    @classmethod
    def from_fahrenheit(cls, f):
        t = cls()
        t.fahrenheit = f
        return t

    @classmethod
    def count(cls):
        return "%s: %d" % (cls.__name__, cls.instances)


class Kelvin(Temperature):
    pass


t = Temperature(25.0)
print(t.celsius, t.fahrenheit)
t.fahrenheit = 212
print(t.celsius)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
del t.celsius
print(t.celsius, Temperature.is_freezing(t.celsius), t.is_freezing(5))
k = Kelvin.from_fahrenheit(-40)
print(type(k).__name__, k.celsius)
print(Temperature.count(), Kelvin.count())
print(isinstance(Temperature.__dict__["celsius"], property))
Temperature.fahrenheit.fset(t, 50)
print(t.celsius)
try:
    t.kelvin = 0
except AttributeError:
    print("kelvin is read-only")

# expect: 25.0 77.0
# expect: 100.0
# expect: ValueError: below absolute zero: -300
# expect: resetting
# expect: 0.0 True False
# expect: Kelvin -40.0
# expect: Temperature: 2 Kelvin: 2
# expect: True
# expect: 10.0
# expect: kelvin is read-only
