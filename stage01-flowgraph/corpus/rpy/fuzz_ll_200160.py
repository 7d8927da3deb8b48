"""Found by taipan fuzz, seed 200160: C5.m13 is only ever called with the constant 'ab', so
the annotator knows its p0 as that constant (a Void at the low level), while C7.m13, in the
same vtable slot, is also called with a string made at run time. The indirect_call through
the slot passed a string to both, and the llinterp stopped ("... is a Ptr(GcStruct
rpy_string), not a Void"). The members of a family now get one signature, the constant
parameter a real string that the graph drops on entry (PyPy's normalizecalls). The same for
functions called through one pointer (g1, g2)."""
import sys


class C5(object):
    def __init__(self, a8):
        self.a8 = a8

    def m13(self, p0, p1):
        s = p0 + ',' + str(p1)
        return s.split(',')[0] + '/' + str(self.a8)


class C6(C5):
    pass


class C7(C6):
    def m13(self, p0, p1):
        return (p0 + '!') * p1


def pick(n):
    if n > 1:
        return C7(n)
    return C6(n)


def g1(p0, k):
    return p0 + '-' + str(k)


def g2(p0, k):
    return str(k) + '+' + p0


def entry_point(argv):
    n = len(argv)
    print(pick(n).m13('ab', 3))
    print(pick(n + 1).m13('ab', 2))
    made = 'xyz' + str(n)
    print(C7(2).m13(made, 1))
    f = g1 if n > 1 else g2
    print(f('cd', 5))
    print(g2(made, 6))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
# expect: ab/1
# expect: ab!ab!
# expect: xyz1!
# expect: 5+cd
# expect: 6+xyz1
