# A string-heavy workload: numbers formatted with str(), records built by concatenation and
# reversed slices, joined into one text, the text split again, each field cut at "=" with find
# and slicing, keys compared with values, every character hashed. Every step allocates strings.
# Usage: strings.py [RECORDS] [ROUNDS] (default 100,000 records, 5 rounds).
import sys


def build(n, salt):
    parts = []
    for i in range(n):
        s = str(i * salt)
        parts.append("k" + s + "=" + s[::-1])
    return ";".join(parts)


def scan(text):
    palindromes = 0
    h = 0
    for field in text.split(";"):
        eq = field.find("=")
        key = field[1:eq]
        value = field[eq + 1:]
        if key == value:
            palindromes += 1
        for c in field:
            h = (h * 31 + ord(c)) & 0xFFFFFFF
    return palindromes, h


def entry_point(argv):
    n = 100000
    rounds = 5
    if len(argv) > 1:
        n = int(argv[1])
    if len(argv) > 2:
        rounds = int(argv[2])
    total_length = 0
    total_palindromes = 0
    h = 0
    for r in range(rounds):
        text = build(n, r + 1)
        palindromes, hr = scan(text)
        total_length += len(text)
        total_palindromes += palindromes
        h ^= hr
    print("%d rounds of %d records: %d chars, %d palindromes, hash %d" % (rounds, n, total_length, total_palindromes, h))
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
