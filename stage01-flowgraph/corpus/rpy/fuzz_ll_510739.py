"""Found by taipan fuzz, seed 510739: ll: Java exception: java.lang.ClassCastException: class dev.taipan.rtyper.rtyper.Repr$ConstantRepr cannot be cast to class dev.taipan.rtyper.rtyper.Repr$DictRepr (dev.taipan.rtyper.rtyper.Repr$ConstantRepr and dev.taipan.rtyper.rtyper.Repr$DictRepr are in unnamed module of loader 'app'). Minimised from 311 to 26 lines; the expected output is cpython's. (E0(0) made E0("0"): the rtyper takes an exception's message as a string.)"""
import sys
class E0(Exception):
    pass
class C5(object):
    pass
class C6(C5):
    def __init__(self, a7, a8, a9, a10):
        pass
class C13(object):
    def __init__(self, a14, a15, a16):
        pass
    def m20(self, p0, p1):
        raise E0("0")
def f21(p0, p1):
    v7 = ''.count(C13('', C6(False, 0, {}, (False, 0)), '').m20(0.0, ''))
    return {}
def entry_point(argv):
    checksum = 0
    try:
        v26 = f21('', 0.0)
    except (E0, KeyError, ValueError, ZeroDivisionError):
        pass
    return checksum & 7
if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))

