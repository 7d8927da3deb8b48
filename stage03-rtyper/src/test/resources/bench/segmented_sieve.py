"""Lists and instances: the primes below 200,000 by a segmented sieve of Eratosthenes. One
segment of 64 flags is a list made by a literal and reused; the base primes up to the square
root, found by trial division, are a linked list of instances."""


class Prime(object):
    def __init__(self, p):
        self.p = p
        self.next = None


def base_primes(limit):
    head = Prime(2)
    tail = head
    for n in range(3, limit + 1):
        node = head
        is_prime = True
        while node is not None and node.p * node.p <= n:
            if n % node.p == 0:
                is_prime = False
                break
            node = node.next
        if is_prime:
            new = Prime(n)
            tail.next = new
            tail = new
    return head


def isqrt(n):
    r = 0
    while (r + 1) * (r + 1) <= n:
        r += 1
    return r


def count_primes(limit):
    flags = [False, False, False, False, False, False, False, False,
             False, False, False, False, False, False, False, False,
             False, False, False, False, False, False, False, False,
             False, False, False, False, False, False, False, False,
             False, False, False, False, False, False, False, False,
             False, False, False, False, False, False, False, False,
             False, False, False, False, False, False, False, False,
             False, False, False, False, False, False, False, False]
    size = len(flags)
    base = base_primes(isqrt(limit))
    count = 0
    low = 2
    while low <= limit:
        high = low + size - 1
        if high > limit:
            high = limit
        for i in range(size):
            flags[i] = True
        node = base
        while node is not None and node.p * node.p <= high:
            p = node.p
            m = (low + p - 1) // p * p
            if m < p * p:
                m = p * p
            while m <= high:
                flags[m - low] = False
                m += p
            node = node.next
        for i in range(high - low + 1):
            if flags[i]:
                count += 1
        low += size
    return count


def entry_point(argv):
    print("primes below 200000:", count_primes(200000))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: primes below 200000: 17984
