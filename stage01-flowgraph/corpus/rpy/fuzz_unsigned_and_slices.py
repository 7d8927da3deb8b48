"""Found by taipan fuzz: ~x and -x of an r_uint stay unsigned; a slice of one character may be ''."""
from rpython.rlib.rarithmetic import r_uint


def inv(x):
    return ~r_uint(x)


def neg(x):
    return -r_uint(x)


def piece(s, n):
    return s[n:n + 1]


def entry_point(argv):
    n = len(argv)
    print('%d %d' % (inv(n), neg(n)))
    c = 'abc'[n % 3]
    empty = c[n:]
    print('[' + empty + '] %d' % len(empty))
    print('[' + piece(c, 0) + '] [' + piece(c, 1) + ']')
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 18446744073709551614 18446744073709551615
# expect: [] 0
# expect: [b] []
