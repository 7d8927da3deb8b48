"""Machine-word arithmetic: Python's floor division and modulo on negative numbers, an
FNV-1a hash and an Adler-32 checksum in r_uint (wrapping modulo 2**64), intmask to see a
word as signed, and ovfcheck to stop a computation before it overflows."""
from rpython.rlib.rarithmetic import r_uint, intmask, ovfcheck

FNV_OFFSET = r_uint(14695981039346656037)
FNV_PRIME = r_uint(1099511628211)
MOD_ADLER = 65521


def fnv1a(text):
    h = FNV_OFFSET
    for c in text:
        h = h ^ r_uint(ord(c))
        h = h * FNV_PRIME
    return h


def adler32(text):
    a = 1
    b = 0
    for c in text:
        a = (a + ord(c)) % MOD_ADLER
        b = (b + a) % MOD_ADLER
    return (b << 16) | a


def power(base, exp):
    result = 1
    for i in range(exp):
        result = ovfcheck(result * base)
    return result


def largest_power(base):
    exp = 0
    while True:
        try:
            power(base, exp + 1)
        except OverflowError:
            return exp
        exp += 1


def entry_point(argv):
    for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (-1, 10)]:
        print("%3d // %2d = %2d   %3d %% %2d = %2d   divmod check %s"
              % (a, b, a // b, a, b, a % b, str((a // b) * b + a % b == a)))
    print("-17 // 5 * 5 + -17 %% 5 = %d" % ((-17 // 5) * 5 + (-17) % 5))
    for word in ["", "a", "taipan", "Taipan"]:
        h = fnv1a(word)
        print("fnv1a(%r) = %d signed, low 16 bits %d" % (word, intmask(h), intmask(h & r_uint(0xffff))))
    print("adler32('Wikipedia') = %d = 0x%x" % (adler32("Wikipedia"), adler32("Wikipedia")))
    big = r_uint(0) - r_uint(1)
    print("r_uint(0) - 1 wraps: high bit set %s, as signed %d" % (str((big >> 63) == r_uint(1)), intmask(big)))
    print("intmask(r_uint(1) << 63) = %d" % intmask(r_uint(1) << 63))
    for base in [2, 3, 10, 1000]:
        print("%d**%d is the largest power of %d in a word" % (base, largest_power(base), base))
    print("7 << 3 = %d, -64 >> 3 = %d, ~5 = %d, 6 & 3 = %d, 6 | 3 = %d, 6 ^ 3 = %d"
          % (7 << 3, -64 >> 3, ~5, 6 & 3, 6 | 3, 6 ^ 3))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect:   7 //  2 =  3     7 %  2 =  1   divmod check True
# expect:  -7 //  2 = -4    -7 %  2 =  1   divmod check True
# expect:   7 // -2 = -4     7 % -2 = -1   divmod check True
# expect:  -7 // -2 =  3    -7 % -2 = -1   divmod check True
# expect:   0 //  3 =  0     0 %  3 =  0   divmod check True
# expect:  -1 // 10 = -1    -1 % 10 =  9   divmod check True
# expect: -17 // 5 * 5 + -17 % 5 = -17
# expect: fnv1a('') = -3750763034362895579 signed, low 16 bits 8997
# expect: fnv1a('a') = -5808556873153909620 signed, low 16 bits 60556
# expect: fnv1a('taipan') = 8374647150159926596 signed, low 16 bits 5444
# expect: fnv1a('Taipan') = 6674770373046729508 signed, low 16 bits 31524
# expect: adler32('Wikipedia') = 300286872 = 0x11e60398
# expect: r_uint(0) - 1 wraps: high bit set True, as signed -1
# expect: intmask(r_uint(1) << 63) = -9223372036854775808
# expect: 2**62 is the largest power of 2 in a word
# expect: 3**39 is the largest power of 3 in a word
# expect: 10**18 is the largest power of 10 in a word
# expect: 1000**6 is the largest power of 1000 in a word
# expect: 7 << 3 = 56, -64 >> 3 = -8, ~5 = -6, 6 & 3 = 2, 6 | 3 = 7, 6 ^ 3 = 5
