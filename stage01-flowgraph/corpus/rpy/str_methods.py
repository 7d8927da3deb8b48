"""String methods: join, split, strip, find, replace, startswith, upper, lower, isdigit."""


def entry_point(argv):
    line = "  alpha, beta ,gamma,,delta  "
    parts = line.strip().split(",")
    print("%d parts" % len(parts))
    clean = [p.strip() for p in parts]
    print("|".join(clean))
    print(" ".join("a b  c".split()))
    print("a-b-c".replace("-", "+") + " " + "aaaa".replace("aa", "b"))
    s = "hello world"
    print("%d %d %d %d" % (s.find("o"), s.find("o", 5), s.find("xyz"), s.rfind("o")))
    print(str(s.startswith("hell")) + " " + str(s.endswith("ld")) + " " + str(s.startswith("world")))
    print(s.upper() + " " + "MiXeD".lower())
    print(str("12345".isdigit()) + " " + str("12a".isdigit()) + " " + str("".isdigit()))
    print(str("abc".isalpha()) + " " + str(" \t".isspace()) + " " + str("Ab".isupper()))
    print("[" + "xxhixx".strip("x") + "][" + "  l ".lstrip() + "][" + " r  ".rstrip() + "]")
    print("%d" % "banana".count("an"))
    print(",".join(["x"] * 4))
    words = "the rain in spain".split(" ")
    caps = []
    for w in words:
        caps.append(w[0].upper() + w[1:])
    print(" ".join(caps))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 5 parts
# expect: alpha|beta|gamma||delta
# expect: a b c
# expect: a+b+c bb
# expect: 4 7 -1 7
# expect: True True False
# expect: HELLO WORLD mixed
# expect: True False False
# expect: True True False
# expect: [hi][l ][ r]
# expect: 2
# expect: x,x,x,x
# expect: The Rain In Spain
