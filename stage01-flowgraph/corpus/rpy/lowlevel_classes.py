"""Classes at the low level: vtables, overridden methods with defaults, class attributes,
isinstance as a range check, a choice of functions called through one pointer, exceptions."""


class Animal(object):
    sound = "..."
    legs = 4

    def __init__(self, name):
        self.name = name

    def speak(self, times=1):
        return self.legs * times

    def describe(self):
        return self.speak()


class Bird(Animal):
    sound = "tweet"
    legs = 2

    def speak(self, times=1):
        return -times


class Dog(Animal):
    sound = "woof"


class Fish(Animal):
    legs = 0

    def speak(self, times=1):
        raise TooLoud("fish are silent")   # returns nothing: its vtable slot still returns an int


class TooLoud(Exception):
    pass


class Point(object):
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)


class Tag(object):
    def __init__(self, n):
        self.n = n

    def __repr__(self):
        return "Tag#" + str(self.n)


def make_bird(name):
    return Bird(name)


def make_dog(name):
    return Dog(name)


def shout(a, level):
    if level > 2:
        raise TooLoud(a.name)
    return a.speak(times=level)


def entry_point(argv):
    animals = [Animal("generic"), Bird("robin"), Dog("rex")]
    for a in animals:
        print(a.name, a.sound, a.legs, a.speak(), a.speak(3), a.describe())
        print(isinstance(a, Bird), isinstance(a, Animal), isinstance(a, (Bird, Dog)))
    maker = make_bird if len(argv) > 1 else make_dog
    pet = maker("pet")
    print(pet.name, pet.sound, isinstance(pet, Dog))
    level = 0
    for level in range(5):
        try:
            print(shout(pet, level))
        except TooLoud as e:
            print("too loud at", level)
            break
    for a in [Bird("tweety"), Fish("nemo")]:
        try:
            print(a.speak())
        except TooLoud:
            print(a.name, "is silent")
    try:
        raise ValueError("bad " if level > 1 else "good")
    except ValueError:
        print("caught ValueError")
    p = Point(len(argv), 2)
    print(p, str(p), "at %s" % p, Tag(3), "%r" % Tag(4))   # __str__, else __repr__
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: generic ... 4 4 12 4
# expect: False True False
# expect: robin tweet 2 -1 -3 -1
# expect: True True True
# expect: rex woof 4 4 12 4
# expect: False True True
# expect: pet woof True
# expect: 0
# expect: 4
# expect: 8
# expect: too loud at 3
# expect: -1
# expect: nemo is silent
# expect: caught ValueError
# expect: (1, 2) (1, 2) at (1, 2) Tag#3 Tag#4
