"""gcd, lcm, modular exponentiation and the extended Euclid algorithm."""


def gcd(a, b):
    while b:
        a, b = b, a % b
    return a


def lcm(a, b):
    return a // gcd(a, b) * b


def pow_mod(base, exp, mod):
    result = 1
    base %= mod
    while exp > 0:
        if exp & 1:
            result = result * base % mod
        base = base * base % mod
        exp >>= 1
    return result


def extended_gcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = extended_gcd(b, a % b)
    return g, y, x - (a // b) * y


def entry_point(argv):
    print("%d %d %d" % (gcd(48, 18), gcd(17, 5), gcd(0, 9)))
    m = 1
    for k in range(1, 21):
        m = lcm(m, k)
    print("lcm(1..20) = %d" % m)
    print("%d %d" % (pow_mod(2, 100, 1000000007), pow_mod(3, 0, 7)))
    g, x, y = extended_gcd(240, 46)
    print("%d = 240 * %d + 46 * %d" % (g, x, y))
    g, x, y = extended_gcd(17, 3120)
    print("inverse of 17 mod 3120 is %d" % (x % 3120))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 6 1 9
# expect: lcm(1..20) = 232792560
# expect: 976371285 1
# expect: 2 = 240 * -9 + 46 * 47
# expect: inverse of 17 mod 3120 is 2753
