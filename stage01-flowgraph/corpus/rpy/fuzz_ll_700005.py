"""Found by taipan fuzz, seed 700005 (ll, gc and x86 alike): the llinterp failed with 'setinteriorfield(..., v45): v45 is a Ptr(GcStruct rpy_string), not a Char'. Minimised from 351 to 19 lines; the expected output is cpython's. (f5 returns a char, but it is in a family with f6 and f7, which return strs, so its graph returns a str; the direct call f5(False, 0), annotated as a char, now narrows the result.)"""
import sys
from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint
def f5(p0, p1):
    return chr(32 + 0 % 95)
def f6(p0, p1):
    return ''
def f7(p0, p1):
    return ''
T4 = [f5, f6, f7]
def entry_point(argv):
    checksum = 0
    v1 = T4[0 % len(T4)](False, 0)
    v3 = f5(False, 0)
    checksum = intmask(checksum * 31 + intmask(len(v3) * 7 + sum([ord(ch4) for ch4 in v3])))
    print('section 5: %d' % checksum)
    return checksum & 7
if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

# expect: section 5: 39
# exit: 7
