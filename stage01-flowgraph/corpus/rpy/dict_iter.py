"""Dict iteration (insertion order): keys, values, items; a word counter."""

TEXT = "the cat sat on the mat the end"


def count_words(text):
    counts = {}
    for w in text.split(" "):
        counts[w] = counts.get(w, 0) + 1
    return counts


def entry_point(argv):
    counts = count_words(TEXT)
    for word in counts:
        print("%s=%d" % (word, counts[word]))
    print(",".join(counts.keys()))
    total = 0
    for n in counts.values():
        total += n
    print("total %d" % total)
    best = ""
    best_n = 0
    for word, n in counts.items():
        if n > best_n:
            best = word
            best_n = n
    print("most frequent: %s (%d)" % (best, best_n))
    keys = list(counts.keys())
    keys.sort()
    print(" ".join(keys))
    inverse = {}
    for word, n in counts.items():
        inverse.setdefault(n, []).append(word)
    for n in [1, 3]:
        print("%d: %s" % (n, " ".join(inverse[n])))
    squares = {i: i * i for i in range(4)}
    print(str(squares[3]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: the=3
# expect: cat=1
# expect: sat=1
# expect: on=1
# expect: mat=1
# expect: end=1
# expect: the,cat,sat,on,mat,end
# expect: total 8
# expect: most frequent: the (3)
# expect: cat end mat on sat the
# expect: 1: cat sat on mat end
# expect: 3: the
# expect: 9
