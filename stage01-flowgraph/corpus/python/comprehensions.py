"""Comprehensions: list, set, dict, nested, with conditions, and in class bodies."""

matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([x for row in matrix for x in row if x % 2 == 0])
print([[row[i] for row in matrix] for i in range(3)])
print({x % 3 for x in range(10)} == {0, 1, 2})
print({w: len(w) for w in ["pypy", "rpython", "jit"]})
print(sorted({c.upper() for c in "mississippi"}))
print([(x, y) for x in range(3) for y in range(x)])
print([n if n % 2 else -n for n in range(6)])


class Table:
    size = 4
    squares = [i * i for i in range(4)]
    names = {n: i for i, n in enumerate(["a", "b", "c"])}
    flags = [True for _ in range(2)]


print(Table.squares, Table.names, Table.flags)

x = "global x"
result = [x for x in range(3)]
print(x, result)
words = ["apple", "Banana", "cherry"]
print([w for w in words if w[0].islower()], sorted({len(w) for w in words}))
print(dict((k, v) for k, v in zip("abc", range(3))))

# expect: [[0, 1, 2], [3, 4, 5], [6, 7, 8]]
# expect: [0, 2, 4, 6, 8]
# expect: [[0, 3, 6], [1, 4, 7], [2, 5, 8]]
# expect: True
# expect: {'pypy': 4, 'rpython': 7, 'jit': 3}
# expect: ['I', 'M', 'P', 'S']
# expect: [(1, 0), (2, 0), (2, 1)]
# expect: [0, 1, -2, 3, -4, 5]
# expect: [0, 1, 4, 9] {'a': 0, 'b': 1, 'c': 2} [True, True]
# expect: global x [0, 1, 2]
# expect: ['apple', 'cherry'] [5, 6]
# expect: {'a': 0, 'b': 1, 'c': 2}
