"""String indexing, negative indices, slicing, len, concatenation and repetition."""


def reverse(s):
    result = ""
    i = len(s) - 1
    while i >= 0:
        result += s[i]
        i -= 1
    return result


def is_palindrome(s):
    return s == reverse(s)


def entry_point(argv):
    s = "translation"
    print(s[0] + s[-1] + s[3])
    print(s[2:5] + "|" + s[:4] + "|" + s[7:] + "|" + s[-3:] + "|" + s[:-3])
    print(s[100:] + "<empty|" + s[3:100])
    print(reverse(s))
    print("%d %d" % (len(s), len("")))
    print("ab" * 3 + "-" * 5)
    for w in ["level", "rotor", "pypy", "noon"]:
        print("%s: %s" % (w, str(is_palindrome(w))))
    print(str("tra" in s) + " " + str("xyz" in s) + " " + str("abc" < "abd"))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: tnn
# expect: ans|tran|tion|ion|translat
# expect: <empty|nslation
# expect: noitalsnart
# expect: 11 0
# expect: ababab-----
# expect: level: True
# expect: rotor: True
# expect: pypy: False
# expect: noon: True
# expect: True False True
