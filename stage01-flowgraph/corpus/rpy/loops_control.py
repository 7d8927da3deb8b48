"""Control flow: while/else, for/else, break, continue, nested loops, ranges."""


def find_pair(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return i, j
    return -1, -1


def first_divisor(n):
    d = 2
    while d * d <= n:
        if n % d == 0:
            break
        d += 1
    else:
        return n
    return d


def entry_point(argv):
    out = []
    for i in range(20):
        if i % 3 == 0:
            continue
        if i > 13:
            break
        out.append(str(i))
    print(" ".join(out))
    for n in [15, 17, 49, 97]:
        print("%d: %d" % (n, first_divisor(n)))
    for target in [9, 100]:
        i, j = find_pair([2, 7, 11, 15], target)
        print("%d -> %d %d" % (target, i, j))
    for x in [1, 2, 3]:
        if x == 5:
            break
    else:
        print("for/else: no break")
    count = 0
    for i in range(10, 0, -2):
        count += i
    print("%d %d" % (count, len(range(3, 30, 4))))
    n = 0
    while True:
        n += 1
        if n * n > 50:
            break
    print("n = %d" % n)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 1 2 4 5 7 8 10 11 13
# expect: 15: 3
# expect: 17: 17
# expect: 49: 7
# expect: 97: 97
# expect: 9 -> 0 1
# expect: 100 -> -1 -1
# expect: for/else: no break
# expect: 30 7
# expect: n = 8
