"""isinstance() of a value the annotator knows now: a variable that is only ever None (fuzz seed
700105), a constant str, a bool. The rtyper answers from the value's type, with no code at run
time (it used to refuse the None: "isinstance() of Void has no low-level translation")."""
import sys


class Node(object):
    def __init__(self, n):
        self.n = n


def describe(flag):
    nothing = None
    if flag:
        nothing = None
    found = 0
    if isinstance(nothing, Node):
        found += 1
    if isinstance(nothing, object):
        found += 10
    if isinstance('text', str):
        found += 100
    if isinstance(flag, int):
        found += 1000
    if isinstance(Node(3), (str, Node)):
        found += 10000
    return found


def entry_point(argv):
    print(describe(len(argv) > 1))
    print(describe(len(argv) > 0))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: 11110
# expect: 11110
