"""Lists of lists: matrix product, transpose, identity, and a float matrix power."""


def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    result = [[0] * m for i in range(n)]
    for i in range(n):
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            result[i][j] = s
    return result


def transpose(a):
    return [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]


def show(a):
    for row in a:
        print(" ".join(["%4d" % x for x in row]))


def fib_matrix(n):
    result = [[1, 0], [0, 1]]
    base = [[1, 1], [1, 0]]
    while n > 0:
        if n % 2 == 1:
            result = matmul(result, base)
        base = matmul(base, base)
        n //= 2
    return result[0][1]


def entry_point(argv):
    a = [[1, 2, 3], [4, 5, 6]]
    b = [[7, 8], [9, 10], [11, 12]]
    show(matmul(a, b))
    show(transpose(a))
    print("fib(90) = %d" % fib_matrix(90))
    rot = [[0.0, -1.0], [1.0, 0.0]]
    v = [[1.5], [2.0]]
    for i in range(4):
        v = [[rot[0][0] * v[0][0] + rot[0][1] * v[1][0]], [rot[1][0] * v[0][0] + rot[1][1] * v[1][0]]]
        print("%.1f %.1f" % (v[0][0], v[1][0]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect:   58   64
# expect:  139  154
# expect:    1    4
# expect:    2    5
# expect:    3    6
# expect: fib(90) = 2880067194370816120
# expect: -2.0 1.5
# expect: -1.5 -2.0
# expect: 2.0 -1.5
# expect: 1.5 2.0
