"""Found by taipan fuzz, seed 300053: ll: Java exception: java.lang.IllegalArgumentException: a Void argument of a helper is a constant type or host object, not x_1059119. Minimised from 189 to 16 lines; the expected output is cpython's."""
import sys
class C3(object):
    pass
class C4(C3):
    def __init__(self, a5, a6, a7):
        pass
    def m8(self, p0, p1):
        for x0 in list(reversed([None, None, None, None])):
            pass
def entry_point(argv):
    checksum = 0
    v1 = C4(0.0, 0.0, 0.0).m8(0, 0)
    return checksum & 7
if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

