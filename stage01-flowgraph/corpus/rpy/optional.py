"""Nullable values: None for instances, strings and lists, tested with 'is None'."""


class Person(object):
    def __init__(self, name, boss):
        self.name = name
        self.boss = boss


def chain(p):
    names = []
    while p is not None:
        names.append(p.name)
        p = p.boss
    return " <- ".join(names)


def find(people, name):
    for p in people:
        if p.name == name:
            return p
    return None


def nickname(name):
    if name == "robert":
        return "bob"
    return None


def entry_point(argv):
    ceo = Person("ada", None)
    cto = Person("grace", ceo)
    dev = Person("linus", cto)
    people = [ceo, cto, dev]
    print(chain(dev))
    for name in ["grace", "alan"]:
        p = find(people, name)
        if p is None:
            print(name + " not found")
        else:
            print(name + " found, boss is " + (p.boss.name if p.boss is not None else "-"))
    for name in ["robert", "alice"]:
        nick = nickname(name)
        if nick is not None:
            print(name + " a.k.a. " + nick)
        else:
            print(name + " has no nickname")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: linus <- grace <- ada
# expect: grace found, boss is ada
# expect: alan not found
# expect: robert a.k.a. bob
# expect: alice has no nickname
