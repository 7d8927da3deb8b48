"""Functions stored in instance attributes and tuples, where one function of the family is only
ever called with a constant (or returns one): the field is a pointer to the family's one
signature, so the fields' types are decided after the rtyper has made the family agree (fuzz
seeds 711163, 711183), and a tuple holding a function known now is stored with the function's
pointer (seed 711145)."""
import sys


def shout(text, loud):
    if loud:
        return text.upper()
    return text


def quiet(text, loud):
    return 'shh'


def first(text, n):
    return float(len(text) + n)


def second(text, n):
    return 0.5 * n


class Speaker(object):
    def __init__(self, name, say):
        self.name = name
        self.say = say


def entry_point(argv):
    quiet('', True)                        # quiet only ever gets the constant ''
    people = [Speaker('ann', shout), Speaker('bob', quiet)]
    for p in people:
        print(p.name, p.say('hello', len(argv) > 0))
    table = {1: ('one', first)}
    label, fn = table.get(len(argv) + 5, ('other', second))
    print(label, fn('abc', 4))
    label, fn = table.get(1, ('other', second))
    print(label, fn('abc', 4))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: ann HELLO
# expect: bob shh
# expect: other 2.0
# expect: one 7.0
