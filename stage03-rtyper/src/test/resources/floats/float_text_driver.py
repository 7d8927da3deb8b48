"""The driver of FloatTextTest: one program, translated once, that converts many values.

argv[1] names the mode, the other arguments are its inputs; each input gives one line of
output. The same file runs on CPython (the oracle), so every line is compared with CPython's.
  repr    a double's 64 bits as a signed int: repr(x)
  parse   a string: repr(float(s)), or the exception's name
  format  a double's bits: the value through a row of % formats
  math    a double's bits: the math functions translated, for x and for the pair (x, y) with
          y the previous input
  hypot   a double's bits: math.hypot of the pair (y, x) with y the previous input, both
          ways round (the sum of the squares is made in order, so the order may matter)
"""


def pow2(e):
    """2.0 ** e for -1074 <= e <= 1023, exactly: products of powers of two stay exact down
    to the smallest subnormal."""
    p = 1.0
    b = 2.0
    if e < 0:
        b = 0.5
        e = -e
    while e > 0:
        if e & 1:
            p = p * b
        b = b * b
        e = e >> 1
    return p


def from_bits(b):
    biased = (b >> 52) & 0x7ff
    frac = b & ((1 << 52) - 1)
    if biased == 0x7ff:
        x = 1e308 * 10.0
        if frac != 0:
            x = x - x
    elif biased == 0:
        x = float(frac) * pow2(-1074)
    else:
        x = float(frac + (1 << 52)) * pow2(biased - 1075)
    if b < 0:
        x = -x
    return x


def show_repr(x):
    return repr(x)


def show_parse(s):
    try:
        return repr(float(s))
    except ValueError:
        return "ValueError"


def show_format(x):
    line = "%f|%.0f|%.1f|%.3e|%e|%g|%.17g|%.1g|%10.4f|%-12.3e|%+08.2f|% .5g|%#.0f|%#g|%E|%G|%F|%.12G|%s|%r" % (
        x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x)
    if -9.2e18 < x < 9.2e18:
        line += "|%d|%5i" % (x, x)
    return line


def show_math(x, y):
    import math
    out = "%r %r %r %r %r" % (math.fabs(x), math.degrees(x), math.radians(x), math.copysign(x, y),
                              math.copysign(1.0, x))
    out += " %s %s %s" % (math.isnan(x), math.isinf(x), math.isfinite(x))
    try:
        out += " %r" % math.sqrt(x)
    except ValueError:
        out += " ValueError"
    if x != x or x == 1e308 * 10.0 or x == -1e308 * 10.0 or -9.2e18 < x < 9.2e18:   # beyond: Python's big ints
        try:
            out += " %d %d %d" % (math.floor(x), math.ceil(x), math.trunc(x))
        except ValueError:
            out += " ValueError"
        except OverflowError:
            out += " OverflowError"
    try:
        out += " %r" % math.fmod(x, y)
    except ValueError:
        out += " ValueError"
    return out


def show_hypot(x, y):
    import math
    r = math.hypot(x, y)
    s = math.hypot(y, x)
    if r == s or (r != r and s != s):
        return repr(r)                    # the usual case: one repr is half the time
    return "%r %r" % (r, s)


def entry_point(argv):
    mode = argv[1]
    y = 1.0
    i = 2
    while i < len(argv):
        if mode == "parse":
            print(show_parse(argv[i]))
        else:
            x = from_bits(int(argv[i]))
            if mode == "repr":
                print(show_repr(x))
            elif mode == "format":
                print(show_format(x))
            elif mode == "hypot":
                print(show_hypot(y, x))
            else:
                print(show_math(x, y))
            y = x
        i += 1
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))
