"""Formatting and building strings at the low level: '%' with a constant format becomes the
strs of its values joined once (rstr.py's ll_join); a word reversed, a table padded, a
number parsed back from its text."""
from rpython.rlib.rarithmetic import r_uint


def reverse(s):
    out = ""
    i = len(s) - 1
    while i >= 0:
        out += s[i]
        i -= 1
    return out


def is_vowel(c):
    return c in "aeiouAEIOU"


def row(name, count, ok):
    return "%-8s|%5d|%s|%r" % (name, count, ok, name[:3])


def entry_point(argv):
    words = "alpha beta gamma delta io".split(" ")
    for w in words:
        vowels = 0
        for c in w:
            if is_vowel(c):
                vowels += 1
        print(row(w, vowels * 100 - len(w) * 45, w == reverse(reverse(w))))
    print("%d%% done, %s left" % (75, "a quarter"))
    total = 0
    for text in "10,-20, 30 ,4".split(","):
        total += int(text)
    print("total=%d as text %s has %d chars" % (total, repr(str(total)), len(str(total))))
    print(reverse("stressed"), "racecar" == reverse("racecar"), "-" * 10)
    print("%s" % "alone", "[%3s]" % "x", "[%-3s]" % "y", "%s and %s" % (None, False))
    # the sign flags '+' and ' ', and the '0' flag's zeros after the '0x' of '#'
    n = len(argv) * 255
    u = r_uint(n)
    print('[%#08X] [% 6d] [%+06d] [% x] [%+#o] [% 05d] [%+d] [% d] [%#010o]' % (n, n, n, n, n, -n, u, u, u))
    print('[%06x] [%#x] [%0#6x] [%-#8x|]' % (-n, -n, -n, -n))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: alpha   |  -25|True|'alp'
# expect: beta    |   20|True|'bet'
# expect: gamma   |  -25|True|'gam'
# expect: delta   |  -25|True|'del'
# expect: io      |  110|True|'io'
# expect: 75% done, a quarter left
# expect: total=24 as text '24' has 2 chars
# expect: desserts True ----------
# expect: alone [  x] [y  ] None and False
# expect: [0X0000FF] [   255] [+00255] [ ff] [+0o377] [-0255] [+255] [ 255] [0o00000377]
# expect: [-000ff] [-0xff] [-0x0ff] [-0xff   |]
