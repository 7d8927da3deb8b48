"""Floats: the Mandelbrot set on a 120 x 60 grid, at most 200 iterations a point; the
points inside and the iterations in all, and a float sum, printed as ints."""


def escape(cr, ci, limit):
    zr = 0.0
    zi = 0.0
    i = 0
    while i < limit:
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
        i += 1
    return limit


def mandel(width, height, limit):
    inside = 0
    total = 0
    weight = 0.0
    for y in range(height):
        ci = -1.2 + 2.4 * y / height
        for x in range(width):
            cr = -2.1 + 3.0 * x / width
            n = escape(cr, ci, limit)
            total += n
            if n == limit:
                inside += 1
            else:
                weight += 1.0 / (n + 1)
    return inside, total, int(weight * 1000.0)


def entry_point(argv):
    inside, total, weight = mandel(120, 60, 200)
    print("inside", inside)
    print("iterations", total)
    print("weight", weight)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: inside 1526
# expect: iterations 339809
# expect: weight 1333979
