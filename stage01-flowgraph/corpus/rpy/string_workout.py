"""Strings and characters: indexing (also negative), slices with steps, concatenation,
comparison, `in`, len, conversions with str/int/float, and the methods join, split,
strip, find, startswith, endswith, replace, upper, lower and isdigit; a Caesar cipher
with ord/chr, run-length encoding, and palindromes."""


def caesar(text, shift):
    out = []
    for c in text:
        if "a" <= c <= "z":
            out.append(chr((ord(c) - ord("a") + shift) % 26 + ord("a")))
        elif "A" <= c <= "Z":
            out.append(chr((ord(c) - ord("A") + shift) % 26 + ord("A")))
        else:
            out.append(c)
    return "".join(out)


def run_length(text):
    if len(text) == 0:
        return ""
    parts = []
    current = text[0]
    count = 1
    for c in text[1:]:
        if c == current:
            count += 1
        else:
            parts.append(str(count) + current)
            current = c
            count = 1
    parts.append(str(count) + current)
    return "".join(parts)


def is_palindrome(text):
    letters = ""
    for c in text.lower():
        if "a" <= c <= "z":
            letters += c
    return letters == letters[::-1]


def parse_numbers(line):
    ints = []
    floats = []
    for field in line.split(","):
        field = field.strip()
        if field.isdigit() or field.startswith("-") and field[1:].isdigit():
            ints.append(int(field))
        elif field != "":
            floats.append(float(field))
    return ints, floats


def entry_point(argv):
    s = "Hello, RPython World"
    print("%s|%s|%s|%s" % (s[0], s[-1], s[7:14], s[::-1]))
    print("%s %s %s" % (s[::3], s[1:10:2], s[-5:]))
    print("len %d, find 'World' %d, find 'x' %d, 'Py' in s: %s" % (len(s), s.find("World"), s.find("x"), str("Py" in s)))
    print(s.upper() + " / " + s.lower() + " / " + s.replace("o", "0"))
    print("%s %s" % (str(s.startswith("Hell")), str(s.endswith("world"))))
    words = s.split(", ")
    print(str(words) + " -> " + "+".join(words))
    print("[" + "   padded\t\n".strip() + "][" + "xxhixx".strip("x") + "]")
    secret = caesar(s, 3)
    print(secret + " -> " + caesar(secret, -3))
    print(run_length("aaabccddddde") + " " + run_length("") + " " + run_length("z"))
    for p in ["A man, a plan, a canal: Panama", "RPython", "Was it a car or a cat I saw"]:
        print("%r palindrome: %s" % (p, str(is_palindrome(p))))
    ints, floats = parse_numbers("12, -7, 3.5, 0, 1e3, -0.25, 42")
    print("ints %s sum %d; floats %s" % (str(ints), sum(ints), str(floats)))
    print(str(int("-15") + int("  8 ")) + " " + str(float("2.5") * 2) + " " + str(12) + str(3.0))
    names = ["bob", "Alice", "carol", "Bob"]
    names.sort()
    print("sorted " + str(names) + ", 'a' < 'b': " + str("a" < "b") + ", 'B' < 'a': " + str("B" < "a"))
    print("apple < apricot: " + str("apple" < "apricot"))
    c = s[4]
    print("char %s, ord %d, next %s, is digit %s" % (c, ord(c), chr(ord(c) + 1), str(c.isdigit())))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: H|d|RPython|dlroW nohtyPR ,olleH
# expect: Hl yoWl el,Ry World
# expect: len 20, find 'World' 15, find 'x' -1, 'Py' in s: True
# expect: HELLO, RPYTHON WORLD / hello, rpython world / Hell0, RPyth0n W0rld
# expect: True False
# expect: ['Hello', 'RPython World'] -> Hello+RPython World
# expect: [padded][hi]
# expect: Khoor, USbwkrq Zruog -> Hello, RPython World
# expect: 3a1b2c5d1e  1z
# expect: 'A man, a plan, a canal: Panama' palindrome: True
# expect: 'RPython' palindrome: False
# expect: 'Was it a car or a cat I saw' palindrome: True
# expect: ints [12, -7, 0, 42] sum 47; floats [3.5, 1000.0, -0.25]
# expect: -7 5.0 123.0
# expect: sorted ['Alice', 'Bob', 'bob', 'carol'], 'a' < 'b': True, 'B' < 'a': True
# expect: apple < apricot: True
# expect: char o, ord 111, next p, is digit False
