"""Sieve of Eratosthenes with a list of bools, and trial-division factorisation."""


def sieve(n):
    is_prime = [True] * (n + 1)
    is_prime[0] = False
    is_prime[1] = False
    i = 2
    while i * i <= n:
        if is_prime[i]:
            for j in range(i * i, n + 1, i):
                is_prime[j] = False
        i += 1
    return [k for k in range(n + 1) if is_prime[k]]


def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors


def entry_point(argv):
    primes = sieve(100)
    print("%d primes below 100: %s" % (len(primes), str(primes)))
    print("%d primes below 20000" % len(sieve(20000)))
    for n in [360, 97, 1001, 65536, 600851475143]:
        print("%d = %s" % (n, " * ".join([str(f) for f in factorize(n)])))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 25 primes below 100: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97]
# expect: 2262 primes below 20000
# expect: 360 = 2 * 2 * 2 * 3 * 3 * 5
# expect: 97 = 97
# expect: 1001 = 7 * 11 * 13
# expect: 65536 = 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2 * 2
# expect: 600851475143 = 71 * 839 * 1471 * 6857
