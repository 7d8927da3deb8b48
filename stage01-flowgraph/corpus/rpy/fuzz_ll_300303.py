"""Found by taipan fuzz, seed 300303: ll and gc: Java exception: java.lang.StringIndexOutOfBoundsException: Index 0 out of bounds for length 0. Minimised from 169 to 21 lines; the expected output is cpython's."""
import sys
class C3(object):
    pass
class C4(C3):
    def __init__(self, a6, a7, a8, a9):
        pass
class C5(C3):
    def __init__(self, a6, a7, a8, a10, a11):
        pass
    def m12(self, p0):
        C4(0, '', (0, ''), []).a9 = [[':', 'a'].count('') for c2 in range(10)]
P13 = C5(0, '', (0, ''), 0, 0)
def f14(p0, p1):
    pass
def entry_point(argv):
    checksum = 0
    v3 = f14(P13.m12(0), 0.0)
    return checksum & 7
if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

