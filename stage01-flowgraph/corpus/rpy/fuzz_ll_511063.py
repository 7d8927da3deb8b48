"""Found by taipan fuzz, seed 511063: ll: different output: stdout line 1: (nothing), cpython prints 'x=0 False'; exit status 134, cpython 3. Minimised from 327 to 37 lines; the expected output is cpython's. (The two m26 print what they get, and the last lines call them again, so that the tuple C19.m26 narrows on entry is read.)"""
import sys
from rpython.rlib.rarithmetic import ovfcheck, intmask, r_uint
class C5(object):
    def __init__(self, a6, a7, a8):
        pass
class C14(object):
    def __init__(self, a15, a16):
        pass
    def m17(self, p0):
        pass
class C18(object):
    def __init__(self, a21):
        pass
    def m26(self, p0, p1):
        print('C18.m26', p0[0], p0[1])
class C19(C18):
    def __init__(self, a21, a22):
        pass
    def m26(self, p0, p1):
        print('C19.m26', p0[0] + 'c', p0[1] + 1)
class C20(C18):
    def __init__(self, a21, a23):
        pass
class C28(object):
    def __init__(self, a30, a31, a32):
        self.a30 = a30
class C29(C28):
    def __init__(self, a30, a31, a32, a33, a34):
        C28.__init__(self, a30, a31, a32)
def pick(k):
    if k:
        return C19(0.0, [])
    return C18(0.0)
def entry_point(argv):
    checksum = 0
    v0 = C20(0.0, 0.0).m26(('', 0), C5([], 0, None))
    C18(0.0).m26((':', C29(0, '', 0.0, C19(0.0, []), None).a30), C14(r_uint(0), (C5([], 0, None), 0.0)[0]).m17(''))
    C19(0.0, []).m26(('-', 5), None)
    for k in range(2):
        pick(k).m26(('*', k), None)
    return checksum & 7
# expect: C18.m26  0
# expect: C18.m26 : 0
# expect: C19.m26 -c 6
# expect: C18.m26 * 0
# expect: C19.m26 *c 2
if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

