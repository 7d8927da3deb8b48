"""Iterating over a str whose value is one char (chr(n), s[i]) or known at translation time:
the iterator walks it as a str, as it walks any other (`for c in s:`)."""
import sys


def letters(s):
    out = []
    for c in s:
        out.append(c)
    return out


def entry_point(argv):
    n = len(argv) + 64
    for c in chr(n):
        print('chr', c)
    word = 'taipan'
    for i in range(len(word)):
        for c in word[i]:
            print(i, c, ord(c))
    for i, c in enumerate(chr(n + 1)):
        print('enumerate', i, c)
    for c in reversed(chr(n + 2)):
        print('reversed', c)
    print([c + c for c in chr(n + 3)])
    print(letters('xyz'), letters(chr(n + 4)))
    total = 0
    for c in 'constant text':
        total = total * 7 + ord(c)
    print(total)
    print(''.join([c for c in word[2] if c != 'x']))
    return 0


# expect: chr A
# expect: 0 t 116
# expect: 1 a 97
# expect: 2 i 105
# expect: 3 p 112
# expect: 4 a 97
# expect: 5 n 110
# expect: enumerate 0 B
# expect: reversed C
# expect: ['DD']
# expect: ['x', 'y', 'z'] ['E']
# expect: 1626247257681
# expect: i


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
