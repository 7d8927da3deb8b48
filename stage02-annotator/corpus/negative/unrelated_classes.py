# expect-error: 17: variable 'pet' is a Dog on one path and a Cat on another
class Cat:
    def __init__(self):
        self.name = "cat"


class Dog:
    def __init__(self):
        self.name = "dog"


def entry_point(argv):
    if len(argv) > 1:
        pet = Cat()
    else:
        pet = Dog()
    print(pet.name)
    return 0
