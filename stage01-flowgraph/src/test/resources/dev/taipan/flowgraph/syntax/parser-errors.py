# Invalid programs, each followed by a line "#====". The differential test checks that
# Taipan's parser rejects each with CPython 3.11's exception class, message, line and column.
# A snippet whose last line is "# taipan: column" is compared without the column: Taipan
# points at the offending character or argument where CPython points at the end of the
# string or the closing parenthesis. "# taipan: lexer first": Taipan's lexer reads the whole
# file before the parser starts, so its error (e.g. an unclosed bracket) comes first.
#====
f() = 1
#====
a + b = 1
#====
(a, f()) = 1
#====
f() = x = 1
#====
x = f() = 1
#====
True = 1
#====
1 = x
#====
f() = yield
#====
[a, 1] = x
#====
x.y() += 1
#====
(a, b) += 1
#====
del 1
#====
del f()
#====
del *a
#====
f(a=1, b)
# taipan: column
#====
f(**a, *b)
#====
f(**a, b)
# taipan: column
#====
f(x.y=1)
#====
f(True=1)
#====
def f(a=1, b): pass
#====
print "hello"
#====
print "a", b
#====
[a b]
#====
f(a b)
#====
x = a b
#====
if x
  pass
#====
if x:
pass
#====
def f():
return
#====
class C:
pass
#====
for x in y:
pass
#====
while x:
pass
#====
try:
pass
#====
with a:
pass
#====
if x:
  pass
elif y:
pass
#====
if x:
  pass
else:
pass
#====
try:
  pass
except E:
pass
#====
try:
  pass
finally:
pass
#====
x = 1
  y = 2
#====
if x:
#====
x = 1 if y
#====
(*x)
#====
x = 1 +
#====
def f(
#====
f"{}"
# taipan: column
#====
f"{x}}"
# taipan: column
#====
f"{x"
# taipan: column
#====
f"{x!z}"
# taipan: column
#====
f"{a b}"
# taipan: column
#====
"a" b"b"
# taipan: column
#====
try:
  pass
else:
  pass
#====
f(x for x in y, 1)
#====
f(1, x for x in y)
#====
f(x for x in y,)
#====
from m import a,
#====
for f() in y: pass
#====
with a as f(): pass
#====
[x for f() in y]
#====
x: int, y = 1
#====
(a, b): int
#====
f(): int
#====
except
#====
def f(*): pass
#====
def f(*, **k): pass
#====
def f(**k, a): pass
#====
def f(/, a): pass
#====
try:
  pass
except A, B:
  pass
#====
a = 1; if x: pass
#====
import a.b as
#====
x = (yield) = 1
#====
f(*a) = 1
#====
a.b: int = 1 = 2
#====
None = 1
#====
x + 1 += 1
#====
x = [1, 2 3]
#====
if x:
  pass
  else: pass
#====
def f() -> : pass
#====
class C(: pass
# taipan: lexer first
#====
f(a for a in b, c)
#====
{**a for a in b}
#====
[*a for a in b]
#====
foo(a, b c)
#====
print foo
#====
exec "code"
#====
def f(x):
pass
#====
class C(A):
x = 1
#====
for x in range(3):
print(x)
#====
while True:
x = 1
#====
with open(f) as g:
g.read()
#====
if x:
    pass
elif y:
z
#====
a = 1
  b = 2
#====
def f():
    x = 1
      y = 2
#====
  x = 1
#====
f"{x!}"
# taipan: column
#====
f"{x:{y:{z}}}"
# taipan: column
#====
f"{#}"
# taipan: column
#====
f"{a)}"
# taipan: column
#====
f"{a(}"
# taipan: column
#====
f"{ }"
# taipan: column
#====
f"}"
# taipan: column
#====
f"{"
# taipan: column
#====
f"{x!r=}"
# taipan: column
#====
x = (1 +
 2
#====
)
#====
x = 1 = 2
#====
import
#====
from x import
#====
from x import (a, b
#====
lambda: yield
#====
x = lambda: 1 = 2
#====
a, b += 1
#====
[a, b] += 1
#====
f() += 1
#====
a.b: int, c
#====
[x for x in range(3)] = 1
#====
(x for x in y) = 1
#====
{} = 1
#====
{a: b} = 1
#====
{a} = 1
#====
a if b else c = 1
#====
a < b = 1
#====
-a = 1
#====
not a = 1
#====
a and b = 1
#====
lambda: 1 = 2
#====
"abc" = 1
#====
f"{x}" = 1
# taipan: column
#====
... = 1
#====
del f(), x
#====
del (a, f())
#====
del [a, 1]
#====
del a + b
#====
for 1 in x: pass
#====
for a, f() in x: pass
#====
with a as 1: pass
#====
[x for 1 in y]
#====
def f(a, b=1, c): pass
#====
def f(a=1, /, b): pass
#====
def f(*a, *b): pass
#====
def f(**a, **b): pass
#====
def f(a, /, b, /): pass
#====
def f(*, a, /): pass
#====
lambda a=1, b: 0
#====
f(a, b=1, c)
# taipan: column
#====
f(a=1, **b, c)
# taipan: column
#====
f(1=2)
#====
f(a.b=1)
#====
f(None=1)
#====
f(False=1)
#====
class C(x for x in y, z): pass
#====
if x
    pass
#====
while x
    pass
#====
for x in y
    pass
#====
class C
    pass
#====
def f()
    pass
#====
def f:
    pass
#====
try
    pass
#====
try:
    pass
#====
try:
    pass
x = 1
#====
else:
    pass
#====
elif x:
    pass
#====
except:
    pass
#====
finally:
    pass
#====
x = 1 if 2
#====
x = (1 if 2)
#====
return x y
#====
a b c
#====
a.1
#====
1 2
#====
x = a.
#====
x = [1, 2
#====
x = (1, 2]
#====
x = {1: 2, 3}
#====
x = {1, 2: 3}
#====
@
def f(): pass
#====
@d
x = 1
#====
import a.
#====
import a as b.c
#====
from . import a.b
#====
global
#====
global 1
#====
nonlocal x, 
#====
assert
#====
raise from e
#====
del
#====
pass pass
#====
break 1
#====
x = yield = 1
#====
**a
#====
print(a b)
#====
print("a" "b" c)
#====
if a b:
    pass
#====
x = a b c
#====
x = 1 +* 2
#====
x = $
#====
x = 'abc
#====
x = """abc
#====
x = 1 ! 2
#====
x = 0777
#====
x = 1__0
#====
if True:
    x = 1
   y = 2
#====
def f(x):
	if x:
        return 1

#====
x = (1, f() = 2)
#====
x = g(1, f() = 2)
#====
[a = 1]
#====
if x = 1: pass
#====
x = (a = 1)
#====
while a.b = 1: pass
#====
[a, b = 1]
#====
{a = 1}
#====
x[a = 1]
