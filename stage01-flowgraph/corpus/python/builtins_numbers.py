"""Number builtins: divmod, pow, round (banker's rounding), abs, int(x, base), hex, oct,
bin, float parsing, int/float conversions, chr/ord, bool arithmetic, and float special
values."""

print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(7.5, 2))
print(pow(2, 10), pow(2, -2), pow(-8, 3), pow(7, 3, 5), 2 ** -1, (-2) ** 3, -2 ** 2)
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2), round(7))
print(abs(-3), abs(-2.5), abs(0), int("ff", 16), int("0x1F", 0), int("-0b101", 0),
      int("z", 36), int("  42\n"), int("1_000"))
print(hex(255), hex(-255), oct(8), bin(10), bin(-10), hex(0))
print(float("3.25"), float("-inf"), float("  1e3 "), int(3.99), int(-3.99), float(7))
print(ord("A"), chr(97), chr(0x263A) == "\u263a", True + True, True * 10, False - 1)
print(7 / 2, 7 // 2, -7 / 2, -7 // 2, 7 % -2, 7.0 // 2, 2 ** 0.5)
inf = float("inf")
nan = float("nan")
print(inf, -inf, inf > 10 ** 300, nan == nan, nan != nan, inf - inf != inf - inf)
print(1e16, 1.5e-7, 0.1 + 0.2, 1 / 3, 100.0, 123456789012345678.0, 2.0 ** 70)
print(3 == 3.0, 0.1 * 3 == 0.3, (0.5).as_integer_ratio(), (10).bit_length(), 5 .real)
print(max(1, 2.5), min(-1, -1.5), sum([1, 2.5]), isinstance(1, int), isinstance(True, int))
print(int(True), float(False), str(10 ** 5), repr(1.0), repr(1e-4), str(-1e-5))

# expect: (3, 2) (-4, 3) (-4, -3) (3.0, 1.5)
# expect: 1024 0.25 -512 3 0.5 -8 -4
# expect: 2 4 0 2.67 1200.0 7
# expect: 3 2.5 0 255 31 -5 35 42 1000
# expect: 0xff -0xff 0o10 0b1010 -0b1010 0x0
# expect: 3.25 -inf 1000.0 3 -3 7.0
# expect: 65 a True 2 10 -1
# expect: 3.5 3 -3.5 -4 -1 3.0 1.4142135623730951
# expect: inf -inf True False True True
# expect: 1e+16 1.5e-07 0.30000000000000004 0.3333333333333333 100.0 1.2345678901234568e+17 1.1805916207174113e+21
# expect: True False (1, 2) 4 5
# expect: 2.5 -1.5 3.5 True True
# expect: 1 0.0 100000 1.0 0.0001 -1e-05
