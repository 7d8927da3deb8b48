"""Two lists of lists of ints, one whose ints are never negative and one whose ints may be: the
rtyper meets their item annotations when it writes their repr() (one item_repr serves both).
That meeting used to merge the two lists' descriptions after annotation was over, which
widened 'x' below from a never-negative int to any int, and a helper annotated later (the one
of str.count) then failed with "a low-level helper makes variable 'x' ... an int" (fuzz seeds
700006, 700017). The rtyper's joins now leave the program's annotations alone."""
import sys


def first_items(n):
    small = [[1, 2], [3]]
    signed = [[n - 5], [n]]
    total = 0
    for row in small:
        x = row[0]
        if x > 1:
            total += x
    print(repr(small))
    print(repr(signed))
    return total + 'abcb'.count('b')


def entry_point(argv):
    print(first_items(len(argv)))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: [[1, 2], [3]]
# expect: [[-4], [1]]
# expect: 5
