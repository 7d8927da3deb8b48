"""Iteration builtins: enumerate, zip, map, filter, reversed, range, any, all, sum, iter
and next, len of ranges, and unpacking of their results."""

names = ["ada", "grace", "linus"]
for i, name in enumerate(names, start=1):
    print(i, name)
print(list(zip(names, [36, 85], "xyz")), dict(zip("abc", range(3))))
print(list(map(len, names)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5, 6])))
print(list(filter(None, [0, 1, "", "a", None, []])), list(filter(str.isdigit, "a1b22c")))
print(list(reversed(names)), list(reversed(range(5))), "".join(reversed("stressed")))
r = range(10, 0, -3)
print(list(r), len(r), r[1], 4 in r, 7 in r, range(5)[-1], list(range(0)))
print(any(x > 2 for x in [1, 2, 3]), all([]), any([]), all(n % 2 for n in [1, 3, 4]))
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(101)))
it = iter([1, 2])
print(next(it), next(it), next(it, None))
pairs = [(1, "one"), (2, "two")]
nums, words = zip(*pairs)
print(nums, words)
squares = map(lambda x: x * x, range(4))
print(type(squares).__name__, list(squares), list(squares))
print(list(enumerate("ab")), [x for x in zip()], list(zip([1, 2, 3], "ab")))

# expect: 1 ada
# expect: 2 grace
# expect: 3 linus
# expect: [('ada', 36, 'x'), ('grace', 85, 'y')] {'a': 0, 'b': 1, 'c': 2}
# expect: [3, 5, 5] [4, 10, 18]
# expect: [1, 'a'] ['1', '2', '2']
# expect: ['linus', 'grace', 'ada'] [4, 3, 2, 1, 0] desserts
# expect: [10, 7, 4, 1] 4 7 True True 4 []
# expect: True True False False
# expect: 6 0.75 [1, 2] 5050
# expect: 1 2 None
# expect: (1, 2) ('one', 'two')
# expect: map [0, 1, 4, 9] []
# expect: [(0, 'a'), (1, 'b')] [] [(1, 'a'), (2, 'b')]
