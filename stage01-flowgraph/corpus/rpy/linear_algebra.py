"""Dense linear algebra on lists of float lists: products with zip and sum, transposes by
nested comprehension, Gaussian elimination with partial pivoting (abs on floats), a
Euclidean norm with math.sqrt, and results printed both with %.3f and as Python lists."""
import math


def identity(n):
    m = [[0.0] * n for i in range(n)]
    for i in range(n):
        m[i][i] = 1.0
    return m


def transpose(a):
    return [[a[i][j] for i in range(len(a))] for j in range(len(a[0]))]


def matmul(a, b):
    bt = transpose(b)
    return [[sum([x * y for x, y in zip(row, col)]) for col in bt] for row in a]


def matvec(a, v):
    return [sum([x * y for x, y in zip(row, v)]) for row in a]


def solve(a, b):
    """Solves a x = b; a and b are copied, not modified."""
    n = len(a)
    m = [list(a[i]) + [b[i]] for i in range(n)]
    for col in range(n):
        pivot = col
        for r in range(col + 1, n):
            if abs(m[r][col]) > abs(m[pivot][col]):
                pivot = r
        if abs(m[pivot][col]) < 1e-12:
            raise ZeroDivisionError("singular matrix")
        m[col], m[pivot] = m[pivot], m[col]
        for r in range(col + 1, n):
            factor = m[r][col] / m[col][col]
            for k in range(col, n + 1):
                m[r][k] -= factor * m[col][k]
    x = [0.0] * n
    for i in range(n - 1, -1, -1):
        s = m[i][n]
        for k in range(i + 1, n):
            s -= m[i][k] * x[k]
        x[i] = s / m[i][i]
    return x


def norm(v):
    return math.sqrt(sum([x * x for x in v]))


def show(name, m):
    print(name + ":")
    for row in m:
        print("  " + " ".join(["%7.3f" % x for x in row]))


def entry_point(argv):
    a = [[2.0, 1.0, -1.0], [-3.0, -1.0, 2.0], [-2.0, 1.0, 2.0]]
    b = [8.0, -11.0, -3.0]
    show("A", a)
    show("A^T", transpose(a))
    show("A * I", matmul(a, identity(3)))
    x = solve(a, b)
    print("x = " + str(x))
    r = matvec(a, x)
    residual = norm([r[i] - b[i] for i in range(3)])
    print("residual small: " + str(residual < 1e-9))
    print("|b| = %.4f" % norm(b))
    rect = [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]
    show("R^T R", matmul(transpose(rect), rect))
    try:
        solve([[1.0, 2.0], [2.0, 4.0]], [1.0, 2.0])
    except ZeroDivisionError:
        print("singular system detected")
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: A:
# expect:     2.000   1.000  -1.000
# expect:    -3.000  -1.000   2.000
# expect:    -2.000   1.000   2.000
# expect: A^T:
# expect:     2.000  -3.000  -2.000
# expect:     1.000  -1.000   1.000
# expect:    -1.000   2.000   2.000
# expect: A * I:
# expect:     2.000   1.000  -1.000
# expect:    -3.000  -1.000   2.000
# expect:    -2.000   1.000   2.000
# expect: x = [2.0, 3.0000000000000004, -0.9999999999999999]
# expect: residual small: True
# expect: |b| = 13.9284
# expect: R^T R:
# expect:    35.000  44.000
# expect:    44.000  56.000
# expect: singular system detected
