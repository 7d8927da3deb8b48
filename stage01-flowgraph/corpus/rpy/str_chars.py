"""Characters: ord and chr, a Caesar cipher and a run-length encoder."""


def caesar(s, shift):
    out = []
    for c in s:
        if 'a' <= c <= 'z':
            out.append(chr((ord(c) - ord('a') + shift) % 26 + ord('a')))
        elif 'A' <= c <= 'Z':
            out.append(chr((ord(c) - ord('A') + shift) % 26 + ord('A')))
        else:
            out.append(c)
    return "".join(out)


def run_length(s):
    if not s:
        return ""
    out = []
    current = s[0]
    count = 1
    for c in s[1:]:
        if c == current:
            count += 1
        else:
            out.append("%d%s" % (count, current))
            current = c
            count = 1
    out.append("%d%s" % (count, current))
    return "".join(out)


def entry_point(argv):
    print("%d %d %s %s" % (ord('A'), ord('z'), chr(72), chr(105)))
    secret = caesar("Hello, World!", 3)
    print(secret)
    print(caesar(secret, -3))
    print(run_length("aaabccddddde"))
    digits = 0
    for c in "r2d2 c3po":
        if c.isdigit():
            digits += ord(c) - ord('0')
    print("digit sum %d" % digits)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 65 122 H i
# expect: Khoor, Zruog!
# expect: Hello, World!
# expect: 3a1b2c5d1e
# expect: digit sum 7
