"""Found by taipan fuzz, seed 300167: ll and gc: different output: stdout line 1: (nothing), cpython prints 'v0 = '46646/fuzz_300167.py18446744073709551360''; exit status 134, cpython 4. Minimised from 403 to 36 lines; the expected output is cpython's."""
import sys
K2 = 11
K3 = 0
class C5(object):
    def __init__(self, a8, a9):
        pass
class C6(C5):
    def __init__(self, a8, a9, a10, a11):
        pass
class C7(C5):
    pass
P14 = C7('', '')
class C15(object):
    def __init__(self, a18, a19, a20):
        pass
    def m24(self, p0=0):
        pass
    def m25(self, p0):
        return 16
class C16(C15):
    def __init__(self, a18, a19, a20, a21):
        pass
    def m25(self, p0):
        return 0
def f29(p0, p1):
    pass
def entry_point(argv):
    checksum = 0
    v0 = ''
    v2 = C16(0, '', C5('y9.', 'a'), K2).m25({0: C6('', '', 0, False)}.get(0, P14))
    v17 = False
    argv[0 % len(argv)] = (argv[C15(0, '', C5('', 'b:a.')).m25(P14) % len(argv)] if len(argv) > 0 else ''.ljust(0 % 12)[:40])
    return checksum & 7
if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

