x
#====
x = 1
#====
a = b = c
#====
a, b = b, a
#====
[a, b] = c
#====
a, *b = c
#====
(a, (b, *c)), d = e
#====
x, = y
#====
a.b = 1
#====
a[i] = 1
#====
a[i:j] = b
#====
a.b.c[d](e).f = 1
#====
x = 1,
#====
x = (1, 2,)
#====
x = ()
#====
x += 1
#====
x.y -= 2
#====
x[0] *= 3
#====
x /= 4; x //= 5; x %= 6; x **= 7
#====
x <<= 1; x >>= 2; x &= 3; x |= 4; x ^= 5
#====
(x) += 1
#====
x: int
#====
x: int = 5
#====
self.x: int
#====
a[0]: str = 'a'
#====
(x): int = 1
#====
x: list[int] = []
#====
x = yield
#====
x = yield from y
#====
x = *a, *b
#====
x = a if b else c
#====
if x:
    pass
#====
if x:
    a
elif y:
    b
elif z:
    c
else:
    d
#====
if x: a; b
#====
if x: a
else: b
#====
while x:
    x -= 1
else:
    done()
#====
while True:
    break
    continue
#====
for x in y:
    pass
#====
for x, in y: pass
#====
for x, y in z.items():
    print(x, y)
else:
    pass
#====
for (a, b), c in d: pass
#====
for x in 1, 2, 3: pass
#====
for x in *a, b: pass
#====
for a.b in c: pass
#====
for a[0] in c: pass
#====
def f(): pass
#====
def f():
    return
#====
def f(a, b):
    return a + b
#====
def f(a, /, b, *, c): pass
#====
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs): pass
#====
def f(*args): pass
#====
def f(**kwargs): pass
#====
def f(*, a, b=1): pass
#====
def f(a: int, b: str = 'x', *c: int, d: bool = True, **e: dict) -> None: pass
#====
def f(a,): pass
#====
def f(a, *, b,): pass
#====
def f(a, /): pass
#====
@d
def f(): pass
#====
@a.b(c)
@d[0]
@e or f
def f(): pass
#====
def f():
    """doc"""
    x = 1
    return x
#====
def g():
    yield
    yield 1
    yield 1, 2
    yield from x
    x = (yield)
    y = yield a, *b
#====
def f():
    global a, b
    nonlocal c
#====
return *a, b
#====
return
#====
class C: pass
#====
class C(): pass
#====
class C(A, B): pass
#====
class C(A, metaclass=M, **kw): pass
#====
class C(*bases): pass
#====
@dataclass
class C:
    x: int
    y: int = 0

    def m(self):
        return self.x
#====
try:
    pass
except:
    pass
#====
try:
    a
except E:
    b
#====
try:
    a
except E as e:
    b
except (A, B) as e:
    c
except (A, B):
    c
else:
    d
finally:
    e
#====
try:
    a
finally:
    b
#====
try:
    a
except E:
    b
finally:
    c
#====
raise
#====
raise E
#====
raise E("x") from None
#====
raise E from c
#====
assert x
#====
assert x, "msg"
#====
del a
#====
del a, b
#====
del a,
#====
del (a, b), [c, d]
#====
del a.b, a[0], a[1:2]
#====
del (a)
#====
import a
#====
import a.b.c
#====
import a.b.c as d, e
#====
from m import x
#====
from m import x as y, z
#====
from ..a.b import (x as y, z,)
#====
from . import x
#====
from ... import x
#====
from .... import x
#====
from .a import *
#====
from m import *
#====
with a: pass
#====
with a as b: pass
#====
with a as b, c as d, e: pass
#====
with a as (b, c): pass
#====
with a as b.c: pass
#====
with (a as b, c):
    pass
#====
with (a, b):
    pass
#====
with (a, b) as c:
    pass
#====
with (a):
    pass
#====
with (a) as b:
    pass
#====
with (
    open(x) as f,
    open(y) as g,
):
    pass
#====
with (yield):
    pass
#====
with ():
    pass
#====
pass; pass
#====
a; b;
#====
x = 1; y = 2
#====
a or b
#====
a or b or c
#====
a and b and c or d
#====
not a
#====
not not a
#====
not a and b
#====
a < b
#====
a < b < c
#====
a == b != c <= d >= e > f
#====
a is b
#====
a is not b
#====
a in b
#====
a not in b
#====
not a < b is not c not in d
#====
a | b ^ c & d
#====
a << b >> c
#====
a + b - c
#====
a * b / c // d % e
#====
a + b * c
#====
(a + b) * c
#====
-a
#====
+a
#====
~a
#====
-2**2
#====
2**-1
#====
a**b**c
#====
-a**-b
#====
a + -b
#====
a - - - b
#====
a | b | c
#====
a & (b | c)
#====
lambda: 0
#====
lambda x: x
#====
lambda x, y=1, *a, z, **k: 0
#====
lambda *, a: a
#====
lambda a, /, b: a
#====
lambda *a: a
#====
lambda: (yield)
#====
lambda x: lambda y: x + y
#====
a if b else c if d else e
#====
(a if b else c) if d else e
#====
f()
#====
f(a)
#====
f(a, b)
#====
f(a,)
#====
f(a, b=1)
#====
f(*a)
#====
f(**a)
#====
f(a, *b, c=1, *d, **e)
#====
f(a=1, *b)
#====
f(*a, *b, **c, **d)
#====
f(x for x in y)
#====
f((x for x in y), 1)
#====
f(*a if b else c)
#====
f(a)(b)(c)
#====
f.g(h).i
#====
a.b.c
#====
a[0]
#====
a[0][1]
#====
a[1:2]
#====
a[1:2:3]
#====
a[:]
#====
a[::]
#====
a[::2]
#====
a[1:]
#====
a[:2]
#====
a[1:2, ::3]
#====
a[1, 2]
#====
a[1,]
#====
a[(1, 2)]
#====
a[b, c:d]
#====
a[*b]
#====
a[1, *b]
#====
a[lambda: 0]
#====
a[x if y else z]
#====
1
#====
1.5
#====
0.1
#====
1e16
#====
1e-05
#====
1e100
#====
1.0
#====
100000000000000000000000
#====
0x10
#====
0o777
#====
0b101
#====
1_000_000
#====
3.14e-10
#====
1e308
#====
0.0
#====
'a'
#====
"a"
#====
'it''s'
#====
"it's"
#====
'say "hi"'
#====
'both \' and "'
#====
'\n\t\r\x00\x7f'
#====
'\u00e9\u4e2d\U0001f600'
#====
'\N{GREEK SMALL LETTER ALPHA}'
#====
r'\d+\n'
#====
'''triple
quoted'''
#====
"a" "b" 'c'
#====
b'bytes'
#====
b'\x00\xff\n'
#====
b'a' b'b'
#====
rb'\d'
#====
u'unicode'
#====
'\d'
#====
'a\
b'
#====
None
#====
True
#====
False
#====
...
#====
x = ...
#====
a[..., 0]
#====
f'abc'
#====
f''
#====
f'{x}'
#====
f'a{x}b'
#====
f'{x!r}'
#====
f'{x!s}'
#====
f'{x!a}'
#====
f'{x:10}'
#====
f'{x:>{w}}'
#====
f'{x:{w}.{p}f}'
#====
f'{x!r:>10}'
#====
f'{x=}'
#====
f'{x = }'
#====
f'{x=!s}'
#====
f'{x=:>10}'
#====
f'a{x=}b'
#====
f'{{}}'
#====
f'{{x}}'
#====
f'{{{x}}}'
#====
f'{x}{y}'
#====
f'{x:}'
#====
f'{a["b"]}'
#====
f"{a['b']}"
#====
f'{a + b}'
#====
f'{a, b}'
#====
f'{(yield)}'
#====
f'{x if y else z}'
#====
f'{ {1: 2}[1] }'
#====
f'{x!r}' 'a' f'{y}'
#====
'a' f'b' 'c'
#====
f'\n{x}\t'
#====
rf'\d{x}'
#====
f'{a!=b}'
#====
f'{a==b}'
#====
f'{a<=b}'
#====
f'''
{x}
'''
#====
x = f'{a}' \
    f'{b}'
#====
f'\N{EN DASH}{x}'
#====
f'{3.14:.2f}'
#====
f'{x:%Y-%m-%d}'
#====
f'{"a" "b"}'
#====
[]
#====
[1]
#====
[1, 2, 3,]
#====
[*a, *b]
#====
[a, *b, c]
#====
{}
#====
{1: 2}
#====
{1: 2, 3: 4,}
#====
{**a}
#====
{**a, 'b': 1, **c}
#====
{1}
#====
{1, 2}
#====
{*a, 1}
#====
(1)
#====
(1,)
#====
(*a, b)
#====
[x for x in y]
#====
[x for x in y if x]
#====
[x for x in y if a if b]
#====
[x for y in z for x in y]
#====
[(x, y) for x in a if x for y in b if y]
#====
[x for x, y in z]
#====
[x for (x, y) in z]
#====
[x for x, in y]
#====
[x for x in a or b]
#====
{x for x in y}
#====
{x: y for x, y in z}
#====
(x for x in y)
#====
(x for x in y if x)
#====
((x, y) for x in a for y in b)
#====
sum(x for x in y)
#====
print(*a, sep='')
#====
print >> f, x
#====
a.b(c=1).d[e]
#====
x = [
    1,
    2,
]
#====
def f(
    a,
    b,
):
    pass
#====
if a:
    if b:
        pass
    else:
        pass
#====
class A:
    class B:
        def c(self):
            def d():
                pass
#====
for i in range(10):
    if i % 2:
        continue
    elif i > 5:
        break
#====
match = 1
#====
match.x = 1
#====
case = 2
#====
_ = 3
#====
type = 4
#====
type(x)
#====
print('hello')
#====
x = a[b][c:d](e, f=g)
#====
x = not a == b
#====
x = -a.b
#====
x = a.b ** -c.d
#====
x = a if not b else -c
#====
x = (a)
#====
x = ((a))
#====
x = ((a), (b))
#====
x = (a).b
#====
x = (a)[0]
#====
x = (a)(b)
#====
x = (a) + (b)
#====
(a) = 1
#====
[a] = 1
#====
((a)) = b
#====
x = {'a': 1, 'b': [1, 2, {3}]}
#====
if (a and
        b):
    pass
#====
x = (1 +
     2)
#====
x = \
    1
#====
# comment only
#====

#====
def f():
    # comment

    pass
#====
if x:
    pass
# trailing comment
#====
x = '😀'
#====
x = 'é' + 'ü'
#====
x = 'naïve'; y = 1
#====
é = 1
#====
def 函数(参数): return 参数
#====
x = [é for é in 'abc']
#====
x = f'{é}'
#====
x = f'é{é}é'
#====
def f(a, b):
    return f'{a!r} and {b:>{a}}'
#====
assert isinstance(x, int), f'bad {x!r}'
#====
del x[0], y.z
#====
x = lambda: (yield from y)
#====
class C(Base, metaclass=Meta):
    """Doc."""
    attr: int = 0
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
#====
while 1:
    try:
        x = next(it)
    except StopIteration:
        break
    else:
        continue
    finally:
        pass
#====
x = 1 if y else 2, 3
#====
x = y = z = 0
#====
a, b = c, d = e, f
#====
x = (
    # comment
    1
)
#====
x = 0xFF + 0o17 + 0b11 + 1_000
#====
x = 1e3 + 2.5e-3 + .5 + 5.
#====
x = 18446744073709551616
#====
x = 9223372036854775807
#====
x = 9223372036854775808
#====
x = -9223372036854775808
#====
x = 1.7976931348623157e308
#====
x = 5e-324
#====
x = 123456789.123456789
#====
x = 0.000123
#====
x = 0.0001
#====
x = 1e15
#====
x = 12345678901234567.0
#====
x = 1e22
