"""String comparison, min/max of strings, sorting words, and a word-frequency ranking
built with a hand-written sort on (count, word) tuples."""


def rank(words):
    counts = {}
    order = []
    for w in words:
        if w not in counts:
            counts[w] = 0
            order.append(w)
        counts[w] += 1
    pairs = [(-counts[w], w) for w in order]
    pairs.sort()
    return pairs


def entry_point(argv):
    print("%s %s %s" % (str("apple" < "banana"), str("Zebra" < "apple"), str("abc" < "ab")))
    print(str("same" == "sa" + "me") + " " + str("a" != "b"))
    words = "to be or not to be that is the question".split()
    print(min(words) + " " + max(words))
    ordered = sorted(words)
    print(" ".join(ordered))
    for neg, w in rank(words)[:4]:
        print("%s %d" % (w, -neg))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: True True False
# expect: True True
# expect: be to
# expect: be be is not or question that the to to
# expect: be 2
# expect: to 2
# expect: is 1
# expect: not 1
