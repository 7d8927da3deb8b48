"""Sets and frozensets: construction, union, intersection, difference, symmetric
difference, subset tests, in-place updates, frozensets as dict keys. Printed sorted, since
set order is an implementation detail."""


def show(s):
    return "{" + ", ".join(repr(x) for x in sorted(s)) + "}"


a = {1, 2, 3, 4}
b = set(range(3, 7))
print(show(a | b), show(a & b), show(a - b), show(b - a), show(a ^ b))
print(show(a.union([10])), show(a.intersection({2, 3, 99})), a.isdisjoint({7, 8}))
print({1, 2} <= a, {1, 2} < {1, 2}, a >= {4}, set() == frozenset(), len(set("hello")))
a.add(5)
a.discard(1)
a.discard(100)
a -= {2}
a |= {0}
print(show(a), 3 in a, 1 in a)
try:
    a.remove(42)
except KeyError as e:
    print("KeyError", e)
f = frozenset("abc")
groups = {f: "letters", frozenset([1, 2]): "numbers"}
print(groups[frozenset("cab")], show(f), type(f | {"z"}).__name__)
seen = set()
unique = []
for w in "the cat and the hat and the bat".split():
    if w not in seen:
        seen.add(w)
        unique.append(w)
print(unique, len(seen))
print(show({x * x % 7 for x in range(20)}), show(set()), repr(set()), sorted({3, 1, 2}))
p = {1, 2, 3}.pop()
print(p in {1, 2, 3}, bool(set()), bool({0}))

# expect: {1, 2, 3, 4, 5, 6} {3, 4} {1, 2} {5, 6} {1, 2, 5, 6}
# expect: {1, 2, 3, 4, 10} {2, 3} True
# expect: True False True True 4
# expect: {0, 3, 4, 5} True False
# expect: KeyError 42
# expect: letters {'a', 'b', 'c'} frozenset
# expect: ['the', 'cat', 'and', 'hat', 'bat'] 5
# expect: {0, 1, 2, 4} {} set() [1, 2, 3]
# expect: True False True
