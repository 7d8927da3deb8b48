"""Function arguments: defaults, keywords, *args, **kwargs, keyword-only, positional-only,
star-unpacking in calls, in assignments and in literals."""


def describe(a, b=2, *rest, key="k", **options):
    return "a=%r b=%r rest=%r key=%r options=%r" % (a, b, rest, key, dict(sorted(options.items())))


print(describe(1))
print(describe(1, 3, 4, 5, key="z", color="red", alpha=0.5))
print(describe(*[10, 20, 30], **{"key": "from-dict", "x": 1}))


def kwonly(a, *, scale=1, offset=0):
    return a * scale + offset


def posonly(a, b, /, c=0):
    return a - b + c


print(kwonly(5), kwonly(5, scale=3), kwonly(5, offset=-1, scale=2))
print(posonly(10, 3), posonly(10, 3, c=100))
try:
    kwonly(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    posonly(a=1, b=2)
except TypeError as e:
    print("TypeError:", e)
try:
    describe(1, a=2)
except TypeError as e:
    print("TypeError:", e)

first, *middle, last = range(6)
print(first, middle, last)
head, *tail = "abc"
print(head, tail)
(a, b), c = (1, 2), 3
print(a, b, c)
merged = [*range(3), *"xy", 9]
print(merged, {**{"a": 1}, "b": 2, **{"a": 3}}, (*merged[:2], "end"))


def defaults_are_shared(x, acc=[]):
    acc.append(x)
    return acc


defaults_are_shared(1)
print(defaults_are_shared(2), describe.__defaults__, kwonly.__kwdefaults__)
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))

# expect: a=1 b=2 rest=() key='k' options={}
# expect: a=1 b=3 rest=(4, 5) key='z' options={'alpha': 0.5, 'color': 'red'}
# expect: a=10 b=20 rest=(30,) key='from-dict' options={'x': 1}
# expect: 5 15 9
# expect: 7 107
# expect: TypeError: kwonly() takes 1 positional argument but 2 were given
# expect: TypeError: posonly() got some positional-only arguments passed as keyword arguments: 'a, b'
# expect: TypeError: describe() got multiple values for argument 'a'
# expect: 0 [1, 2, 3, 4] 5
# expect: a ['b', 'c']
# expect: 1 2 3
# expect: [0, 1, 2, 'x', 'y', 9] {'a': 3, 'b': 2} (0, 1, 'end')
# expect: [1, 2] (2,) {'scale': 1, 'offset': 0}
# expect: ((1, 2), ['y', 'z'])
