"""Found by taipan fuzz, seed 200535: a call that can only raise (f3 never returns normally),
in a try: the rtyper dropped the call's normal link, leaving a block whose only exit was an
exception link (CheckGraph: "a block without exitswitch must have one plain exit"). The
normal link now goes to a block that is never reached."""
import sys
from rpython.rlib.rarithmetic import intmask


def f3():
    for i0, x1 in enumerate([0] * (0 % 5)):
        pass
    raise ValueError('f3')


def entry_point(argv):
    checksum = 7
    try:
        v3 = f3()
        checksum = intmask(checksum * 31 + 1)
    except ValueError:
        checksum += 2
    try:
        f3()
    except Exception:
        checksum += 3
    print(checksum)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
# expect: 12
