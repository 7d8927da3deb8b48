"""Found by taipan fuzz, seed 112: ll: different output: stdout line 1: (nothing), cpython prints 'v0 = 5'; exit status 134, cpython 3. Minimised from 293 to 15 lines; the expected output is cpython's."""
import sys
class C7(object):
    pass
class C8(C7):
    def __init__(self, a9, a12, a10, a11):
        pass
def f17(p0, p1):
    pass
def entry_point(argv):
    checksum = 0
    f17('', {}.get(C8('', None, 0.0, 0), C8('', None, 0.0, 0)))
    return checksum & 7
if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

