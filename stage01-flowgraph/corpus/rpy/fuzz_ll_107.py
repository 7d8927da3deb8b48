"""Found by taipan fuzz, seed 107: ll: Java exception: java.lang.IllegalStateException: entry_point: v0_0 used before it is converted. Minimised from 271 to 16 lines; the expected output is cpython's."""
import sys
from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint
G4 = [0.0, 0.0, 0.0]
def entry_point(argv):
    checksum = 0
    v0 = ('%d' % r_uint(0))
    v0 = {}.get(ord((v0 + 'abc')[0 % 3]), '')
    try:
        v29, v30 = (G4[0], 0)
    except Exception:
        pass
    v38 = ''.find(v0)
    return checksum & 7
if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

