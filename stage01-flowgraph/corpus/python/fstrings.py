"""f-strings: expressions, format specs (width, alignment, fill, sign, precision, grouping,
bases, percent), conversions !r !s, nested specs, and str.format."""
import math

name = "taipan"
pi = math.pi
n = 1234567
print(f"{name} {name!r} {name.upper()} {len(name)}")
print(f"[{name:>10}] [{name:<10}] [{name:^10}] [{name:*^12}]")
print(f"{pi:.2f} {pi:10.4f} {pi:e} {pi:.3g} {-pi:+.1f} {pi:+.1f}")
print(f"{n:,} {n:_} {n:>12,} {n:012d} {-42:05d}")
print(f"{255:x} {255:X} {255:#x} {255:o} {255:#b} {5:08b}")
print(f"{0.256:.1%} {1/3:.4} {2.5:g} {1e-5:g} {123456789.0:g}")
width, prec = 9, 3
print(f"[{pi:{width}.{prec}f}] [{name!r:>10}] [{'x' * 3}]")
items = {"a": 1, "b": 22}
print(f"{items['b']} {[k for k in items]} {items!r}")
print(f"{'nested ' + f'{1 + 1}'} {{literal braces}} {3 > 2 and 'yes'}")
print("{} {} {}".format(1, "two", 3.0), "{1}{0}{1}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{:>6.2f}|{:<4}|{:^5}|".format(2.71828, "ab", "c"))
value = 42
print(f"{value=} {value * 2 = }")
print(f"{True} {None} {[1, 'a']} {(1,)} {3.0} {-0.0} {1e100}")

# expect: taipan 'taipan' TAIPAN 6
# expect: [    taipan] [taipan    ] [  taipan  ] [***taipan***]
# expect: 3.14     3.1416 3.141593e+00 3.14 -3.1 +3.1
# expect: 1,234,567 1_234_567    1,234,567 000001234567 -0042
# expect: ff FF 0xff 377 0b11111111 00000101
# expect: 25.6% 0.3333 2.5 1e-05 1.23457e+08
# expect: [    3.142] [  'taipan'] [xxx]
# expect: 22 ['a', 'b'] {'a': 1, 'b': 22}
# expect: nested 2 {literal braces} yes
# expect: 1 two 3.0 bab 1-2
# expect:   2.72|ab  |  c  |
# expect: value=42 value * 2 = 84
# expect: True None [1, 'a'] (1,) 3.0 -0.0 1e+100
