"""Lists from every side: literals, [x] * n, comprehensions, append/pop/insert/extend/
reverse/index, slices with steps (also negative), membership, del of items and slices,
concatenation and list() of other iterables."""


def primes_below(n):
    sieve = [True] * n
    sieve[0] = False
    sieve[1] = False
    for i in range(2, n):
        if sieve[i]:
            for j in range(i * i, n, i):
                sieve[j] = False
    return [i for i in range(n) if sieve[i]]


def rotate(lst, k):
    k = k % len(lst)
    return lst[k:] + lst[:k]


def flatten(rows):
    out = []
    for row in rows:
        out.extend(row)
    return out


def entry_point(argv):
    ps = primes_below(50)
    print("primes " + str(ps))
    print("every other " + str(ps[::2]) + ", reversed tail " + str(ps[:-6:-1]))
    print("ps[2:9:3] = %s, ps[-3:] = %s" % (str(ps[2:9:3]), str(ps[-3:])))
    grid = [[0] * 3 for i in range(3)]
    for i in range(3):
        grid[i][i] = i + 1
    print("grid " + str(grid) + ", flat " + str(flatten(grid)))
    squares = [x * x for x in range(10) if x % 3 != 0]
    print("squares " + str(squares))
    pairs = [(x, y) for x in range(3) for y in range(x)]
    print("pairs " + str(pairs))
    stack = []
    for word in "to be or not to be".split():
        stack.append(word)
    last = stack.pop()
    first = stack.pop(0)
    stack.insert(1, "NOT")
    print("%s %s %s" % (first, last, str(stack)))
    print("index of 'or': %d, 'be' in stack: %s, 'xyz' in stack: %s"
          % (stack.index("or"), str("be" in stack), str("xyz" in stack)))
    nums = list(range(10))
    del nums[0]
    del nums[2:5]
    del nums[-1]
    print("after dels " + str(nums))
    nums.reverse()
    print("reversed " + str(nums) + ", rotated " + str(rotate(nums, 2)))
    letters = list("rpython")
    letters.sort()
    print("sorted letters " + "".join(letters))
    both = [1, 2] + [3] + []
    both += [4, 5]
    print("concatenated %s, length %d" % (str(both), len(both)))
    copy = both[:]
    copy[0] = 100
    print("copy %s, original %s" % (str(copy), str(both)))
    total = 0
    for x in both:
        total += x
    print("total %d, max %d, min %d" % (total, max(both), min(both)))
    empty = []
    print("empty %s, len %d, bool %s" % (str(empty), len(empty), str(len(empty) > 0)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: primes [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]
# expect: every other [2, 5, 11, 17, 23, 31, 41, 47], reversed tail [47, 43, 41, 37, 31]
# expect: ps[2:9:3] = [5, 13, 23], ps[-3:] = [41, 43, 47]
# expect: grid [[1, 0, 0], [0, 2, 0], [0, 0, 3]], flat [1, 0, 0, 0, 2, 0, 0, 0, 3]
# expect: squares [1, 4, 16, 25, 49, 64]
# expect: pairs [(1, 0), (2, 0), (2, 1)]
# expect: to be ['be', 'NOT', 'or', 'not', 'to']
# expect: index of 'or': 2, 'be' in stack: True, 'xyz' in stack: False
# expect: after dels [1, 2, 6, 7, 8]
# expect: reversed [8, 7, 6, 2, 1], rotated [6, 2, 1, 8, 7]
# expect: sorted letters hnoprty
# expect: concatenated [1, 2, 3, 4, 5], length 5
# expect: copy [100, 2, 3, 4, 5], original [1, 2, 3, 4, 5]
# expect: total 15, max 5, min 1
# expect: empty [], len 0, bool False
