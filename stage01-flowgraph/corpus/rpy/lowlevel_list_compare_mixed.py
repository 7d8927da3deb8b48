"""Lists of two item types compared: chars against strs, ints against floats, a list that is
never resized searched for in (and removed from) a list of lists that are. Each comparison is
a function of the two item types, which the comparison rules of the items translate (fuzz
seeds 711039, 711075, 711153)."""
import sys


def rows(n):
    out = []
    for i in range(n):
        row = [i, i + 1]
        row.append(i + 2)
        out.append(row)
    return out


def entry_point(argv):
    n = len(argv) + 2
    parts = 'a-b'.split('-')
    print(['a', 'b'] == parts, ['a'] == parts, parts != ['a', 'b'])
    print(['x'] < ['xy'], ['b'] > ['ab'], ['a', 'b'] <= parts)
    print([1, 2] == [1.0, 2.0], [1, 2] < [1.0, 2.5])
    table = rows(n)
    print([1, 2, 3] in table, [9, 9, 9] in table)
    table.remove([0, 1, 2])
    print(len(table), table[0])
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: True False False
# expect: True True True
# expect: True True
# expect: True False
# expect: 2 [1, 2, 3]
