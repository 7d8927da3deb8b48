"""sorted and list.sort with key and reverse (stable), min/max with key and default,
sorting tuples and records."""

people = [("ada", 36, "london"), ("alan", 41, "wilmslow"), ("grace", 85, "arlington"),
          ("linus", 21, "helsinki"), ("guido", 41, "haarlem")]
print([p[0] for p in sorted(people)])
print([p[0] for p in sorted(people, key=lambda p: p[1])])
print([p[0] for p in sorted(people, key=lambda p: p[1], reverse=True)])
print([p[0] for p in sorted(people, key=lambda p: (-p[1], p[0]))])
words = "Banana apple Cherry date Elder fig".split()
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len))
words.sort(key=lambda w: w[-1])
print(words)
print(min(people, key=lambda p: p[1])[0], max(people, key=lambda p: len(p[2]))[0])
print(min([], default="empty"), max(3, 9, 4), min("hello"), max([2, 7], key=lambda x: -x))
print(sorted([3.5, -1, 2, 0.0]), sorted("taipan"), sorted({"b": 1, "a": 2}), sorted((2, 1)))
records = [{"n": "x", "v": 3}, {"n": "y", "v": 1}, {"n": "z", "v": 3}]
print([r["n"] for r in sorted(records, key=lambda r: r["v"], reverse=True)])
nums = [5, 2, 8, 1]
nums.sort(reverse=True)
print(nums, list(reversed(sorted(nums))))

# expect: ['ada', 'alan', 'grace', 'guido', 'linus']
# expect: ['linus', 'ada', 'alan', 'guido', 'grace']
# expect: ['grace', 'alan', 'guido', 'ada', 'linus']
# expect: ['grace', 'alan', 'guido', 'ada', 'linus']
# expect: ['Banana', 'Cherry', 'Elder', 'apple', 'date', 'fig'] ['apple', 'Banana', 'Cherry', 'date', 'Elder', 'fig'] ['fig', 'date', 'apple', 'Elder', 'Banana', 'Cherry']
# expect: ['Banana', 'apple', 'date', 'fig', 'Elder', 'Cherry']
# expect: linus grace
# expect: empty 9 e 2
# expect: [-1, 0.0, 2, 3.5] ['a', 'a', 'i', 'n', 'p', 't'] ['a', 'b'] [1, 2]
# expect: ['x', 'z', 'y']
# expect: [8, 5, 2, 1] [8, 5, 2, 1]
