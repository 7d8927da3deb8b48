"""The math module: constants, sqrt, floor/ceil/trunc, exp/log, trigonometry, gcd,
factorial, isqrt, hypot, isclose, isnan/isinf, fsum, copysign, fmod, pow."""
import math

print(math.pi, math.e, math.inf, math.tau == 2 * math.pi)
print(math.sqrt(16), math.sqrt(2), math.isqrt(99), math.hypot(3, 4))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(3), type(math.floor(2.5)).__name__)
print(math.exp(0), math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024))
print(round(math.sin(math.pi / 6), 12), math.cos(0), round(math.tan(math.pi / 4), 12))
print(round(math.degrees(math.pi), 9), math.radians(180) == math.pi, round(math.atan2(1, 1), 6))
print(math.gcd(84, 36), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.isclose(0.1 + 0.2, 0.3), math.isnan(float("nan")), math.isinf(-math.inf))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.copysign(3, -0.0), math.fmod(-7, 3))
print(math.pow(2, 10), math.fabs(-1.5), math.modf(2.75), math.frexp(8.0), math.ldexp(0.5, 4))
print("%.6f %.6f %.4f" % (math.asin(1), math.acos(0), math.sinh(1)))

# expect: 3.141592653589793 2.718281828459045 inf True
# expect: 4.0 1.4142135623730951 9 5.0
# expect: -3 -2 -2 3 int
# expect: 1.0 1.0 3.0 3.0 10.0
# expect: 0.5 1.0 1.0
# expect: 180.0 True 0.785398
# expect: 12 2432902008176640000 120 20
# expect: True True True
# expect: 1.0 0.9999999999999999 -3.0 -1.0
# expect: 1024.0 1.5 (0.75, 2.0) (0.5, 4) 8.0
# expect: 1.570796 1.570796 1.1752
