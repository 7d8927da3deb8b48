"""The rpython.rlib support package, untranslated: overflow checks, word wrapping,
unsigned words, annotator and JIT markers, JitDriver keyword checks, unrolling_iterable,
r_dict, StringBuilder. Runs on CPython and on the host interpreter."""
import sys

from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint, r_int, widen, LONG_BIT
from rpython.rlib.objectmodel import (specialize, we_are_translated, always_inline,
                                      not_rpython, enforceargs, compute_hash, r_dict,
                                      instantiate, newlist_hint, keepalive_until_here)
from rpython.rlib import jit
from rpython.rlib.unroll import unrolling_iterable
from rpython.rlib.rstring import StringBuilder

MAX = sys.maxsize
print(LONG_BIT, MAX == 2 ** 63 - 1, ovfcheck(MAX - 1 + 1) == MAX)
for label, compute in [("add", lambda: MAX + 1), ("sub", lambda: -MAX - 2),
                       ("mul", lambda: (1 << 32) * (1 << 31)), ("neg", lambda: -(-MAX - 1))]:
    try:
        ovfcheck(compute())
        print(label, "no overflow")
    except OverflowError as e:
        print(label, "OverflowError:", e)
print(ovfcheck(-MAX - 1), ovfcheck((1 << 31) * (1 << 31)))
print(intmask(MAX + 1), intmask(2 ** 64), intmask(2 ** 64 + 5), intmask(-1), intmask(3.7))
print(intmask(0xFFFFFFFFFFFFFFFF), intmask(r_uint(1) << 63), type(intmask(r_uint(3))).__name__)
u = r_uint(-1)
print(u, repr(u), u + 1, u * u, r_uint(5) - 7, -r_uint(1), ~r_uint(0) == u, u >> 60)
print(type(u + 1).__name__, type(1 + u).__name__, r_uint(10) // 3, r_uint(10) % 3, r_uint(3) < 4)
print(repr(r_int(MAX) + 1), repr(r_int(-1) * r_int(MAX)), widen(r_uint(3)), widen(True))
try:
    ovfcheck(r_uint(1))
except TypeError as e:
    print("TypeError:", e)


@specialize.argtype(0, 2)
def f(a, b, c):
    return a


@specialize.memo()
def g():
    return 1


@specialize.arg(1)
@always_inline
def h(x, flag):
    return x


@not_rpython
def helper():
    pass


@enforceargs(int, str)
def k(n, s):
    return s * n


print(f._annspecialcase_, g._annspecialcase_, h._annspecialcase_, h._always_inline_)
print(specialize.call_location()(helper)._annspecialcase_, helper._not_rpython_,
      k._annenforceargs_ == (int, str), k(2, "ab"), we_are_translated())
print(compute_hash("abc"), compute_hash(42), compute_hash(-1), compute_hash(("a", 1)),
      compute_hash("") == 0, compute_hash((1, 2)) == compute_hash((1, 2)))


@jit.elidable
def pure(x):
    return x * 2


@jit.dont_look_inside
@jit.unroll_safe
def opaque(x):
    return x


print(pure._elidable_function_, opaque._jit_look_inside_, opaque._jit_unroll_safe_,
      jit.look_inside(lambda: 0)._jit_look_inside_, jit.loop_invariant(pure)._jit_loop_invariant_)
print(jit.elidable_promote("0")(lambda x: x)._jit_promote_args_, jit.oopspec("spec(x)")(pure).oopspec)
print(jit.promote(5), jit.promote_string("s"), jit.hint(7, promote=True), jit.we_are_jitted(),
      jit.isconstant(1), jit.isvirtual(1), jit.current_trace_length())

driver = jit.JitDriver(greens=["pc", "code"], reds=["frame"], name="demo",
                       get_printable_location=lambda pc, code: "%d:%s" % (pc, code[pc]))
driver.jit_merge_point(pc=0, code="abc", frame=None)
driver.can_enter_jit(frame=None, code="abc", pc=1)
print(driver.greens, driver.reds, driver.get_printable_location(1, "abc"))
for bad in [dict(pc=0, code="x"), dict(pc=0, code="x", frame=1, extra=2), dict(pc=0)]:
    try:
        driver.jit_merge_point(**bad)
    except jit.JitHintError as e:
        print("JitHintError:", e)
for kwargs in [dict(greens=["a"], reds=["a"]), dict(greens=["a", "a"], reds=[]),
               dict(greens=[], reds=None), dict(greens=[], reds="auto", virtualizables=["f"])]:
    try:
        jit.JitDriver(**kwargs)
    except jit.JitHintError as e:
        print("JitHintError:", e)
auto = jit.JitDriver(greens=["pc"], reds="auto")
auto.jit_merge_point(pc=3)
try:
    auto.can_enter_jit(pc=3)
except jit.JitHintError as e:
    print("JitHintError:", e)
jit.set_param(driver, "threshold", 200)
jit.set_user_param(None, "trace_limit=3000,inlining=0")
try:
    jit.set_param(None, "tresholt", 1)
except jit.JitHintError as e:
    print("JitHintError:", e)

ops = unrolling_iterable([("neg", lambda x: -x), ("dbl", lambda x: 2 * x)])
print(len(ops), [name + "=" + str(fn(4)) for name, fn in ops], [n for n, _ in ops])
d = r_dict(lambda a, b: a.lower() == b.lower(), lambda s: compute_hash(s.lower()))
d["Key"] = 1
d["KEY"] += 1
d["other"] = 3
print(d["key"], len(d), "kEy" in d, d.keys(), d.get("none", 0), d.pop("OTHER"), d.items())


class Lazy:
    def __init__(self):
        raise AssertionError("not called")


obj = instantiate(Lazy)
print(type(obj).__name__, newlist_hint(10), keepalive_until_here(obj))
sb = StringBuilder()
sb.append("ab")
sb.append_multiple_char("-", 3)
sb.append_slice("xyzw", 1, 3)
print(sb.build(), sb.getlength())

# expect: 64 True True
# expect: add OverflowError: signed integer expression did overflow
# expect: sub OverflowError: signed integer expression did overflow
# expect: mul OverflowError: signed integer expression did overflow
# expect: neg OverflowError: signed integer expression did overflow
# expect: -9223372036854775808 4611686018427387904
# expect: -9223372036854775808 0 5 -1 3
# expect: -1 -9223372036854775808 int
# expect: 18446744073709551615 r_uint(18446744073709551615) 0 1 18446744073709551614 18446744073709551615 True 15
# expect: r_uint r_uint 3 1 True
# expect: r_int(-9223372036854775808) r_int(-9223372036854775807) 3 1
# expect: TypeError: ovfcheck() is for signed ints, not r_uint
# expect: specialize:argtype(0,2) specialize:memo specialize:arg(1) True
# expect: specialize:call_location True True abab False
# expect: 1453079729188098211 42 -1 -3828833845468547008 True True
# expect: True False True True True
# expect: 0 spec(x)
# expect: 5 s 7 False False False -1
# expect: ['pc', 'code'] ['frame'] 1:b
# expect: JitHintError: jit_merge_point() of JitDriver 'demo': missing frame (greens: [pc, code], reds: [frame])
# expect: JitHintError: jit_merge_point() of JitDriver 'demo': unexpected extra (greens: [pc, code], reds: [frame])
# expect: JitHintError: jit_merge_point() of JitDriver 'demo': missing code, frame (greens: [pc, code], reds: [frame])
# expect: JitHintError: JitDriver: 'a' is both green and red
# expect: JitHintError: JitDriver: greens name 'a' is repeated
# expect: JitHintError: JitDriver: reds must be given (a list of names, or 'auto')
# expect: JitHintError: JitDriver: virtualizable 'f' must be a red
# expect: JitHintError: can_enter_jit() of JitDriver 'jitdriver': not allowed with reds='auto'
# expect: JitHintError: set_param: unknown JIT parameter 'tresholt'
# expect: 2 ['neg=-4', 'dbl=8'] ['neg', 'dbl']
# expect: 2 2 True ['Key', 'other'] 0 3 [('Key', 2)]
# expect: Lazy [] None
# expect: ab---yz 7
