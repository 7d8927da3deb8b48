"""Recursion: fib, Ackermann, mutual recursion, Hanoi."""


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def is_even(n):
    if n == 0:
        return True
    return is_odd(n - 1)


def is_odd(n):
    if n == 0:
        return False
    return is_even(n - 1)


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append(src + dst)
    hanoi(n - 1, via, dst, src, moves)


def entry_point(argv):
    print("fib: " + " ".join([str(fib(i)) for i in range(15)]))
    print("fib(25) = %d" % fib(25))
    print("ackermann(2, 3) = %d, ackermann(3, 3) = %d" % (ackermann(2, 3), ackermann(3, 3)))
    print(str(is_even(10)) + " " + str(is_odd(7)) + " " + str(is_even(7)))
    moves = []
    hanoi(4, "A", "C", "B", moves)
    print("%d moves: %s" % (len(moves), " ".join(moves)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: fib: 0 1 1 2 3 5 8 13 21 34 55 89 144 233 377
# expect: fib(25) = 75025
# expect: ackermann(2, 3) = 9, ackermann(3, 3) = 61
# expect: True True False
# expect: 15 moves: AB AC BC AB CA CB AB AC BC BA CA BC AB AC BC
