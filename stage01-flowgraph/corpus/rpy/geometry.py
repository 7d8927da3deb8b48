"""Plane geometry with the math module: distances with sqrt and hypot, angles with atan2
and degrees, polygon area by the shoelace formula, a convex hull (Andrew's monotone chain)
over points as float tuples, and floor/ceil/fabs/pow/log/exp/sin/cos."""
import math


def distance(p, q):
    return math.sqrt((p[0] - q[0]) * (p[0] - q[0]) + (p[1] - q[1]) * (p[1] - q[1]))


def cross(o, a, b):
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def convex_hull(points):
    pts = list(points)
    pts.sort()
    lower = []
    for p in pts:
        while len(lower) >= 2 and cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper = []
    for i in range(len(pts) - 1, -1, -1):
        p = pts[i]
        while len(upper) >= 2 and cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]


def area(poly):
    s = 0.0
    n = len(poly)
    for i in range(n):
        x1, y1 = poly[i]
        x2, y2 = poly[(i + 1) % n]
        s += x1 * y2 - x2 * y1
    return math.fabs(s) / 2.0


def perimeter(poly):
    total = 0.0
    for i in range(len(poly)):
        total += distance(poly[i], poly[(i + 1) % len(poly)])
    return total


def regular_polygon(n, radius):
    return [(radius * math.cos(2 * math.pi * k / n), radius * math.sin(2 * math.pi * k / n)) for k in range(n)]


def entry_point(argv):
    points = [(0.0, 0.0), (2.0, 1.0), (4.0, 0.0), (3.0, 2.0), (4.0, 4.0), (1.0, 3.0), (0.0, 4.0), (2.0, 2.0)]
    hull = convex_hull(points)
    print("hull: " + str(hull))
    print("area %.2f, perimeter %.4f" % (area(hull), perimeter(hull)))
    print("diagonal %.6f = hypot %.6f" % (distance((0.0, 0.0), (4.0, 4.0)), math.hypot(4.0, 4.0)))
    angle = math.degrees(math.atan2(1.0, 1.0))
    print("atan2(1, 1) = %.1f degrees, radians back %.5f" % (angle, math.radians(angle)))
    for n in [3, 6, 100]:
        poly = regular_polygon(n, 1.0)
        print("%3d-gon area %.5f (pi = %.5f)" % (n, area(poly), math.pi))
    print("floor %d ceil %d floor(-2.5) %d" % (math.floor(2.7), math.ceil(2.1), math.floor(-2.5)))
    print("pow %.1f log %.4f exp %.4f log10 %.1f" % (math.pow(2.0, 10.0), math.log(math.e), math.exp(1.0), math.log10(1000.0)))
    print("sqrt(2) %.12f, abs(-3.5) %.1f, min %.1f, max %.1f" % (math.sqrt(2.0), abs(-3.5), min(2.5, -1.0), max([1.5, 9.25, 3.0])))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: hull: [(0.0, 0.0), (4.0, 0.0), (4.0, 4.0), (0.0, 4.0)]
# expect: area 16.00, perimeter 16.0000
# expect: diagonal 5.656854 = hypot 5.656854
# expect: atan2(1, 1) = 45.0 degrees, radians back 0.78540
# expect:   3-gon area 1.29904 (pi = 3.14159)
# expect:   6-gon area 2.59808 (pi = 3.14159)
# expect: 100-gon area 3.13953 (pi = 3.14159)
# expect: floor 2 ceil 3 floor(-2.5) -3
# expect: pow 1024.0 log 1.0000 exp 2.7183 log10 3.0
# expect: sqrt(2) 1.414213562373, abs(-3.5) 3.5, min -1.0, max 9.2
