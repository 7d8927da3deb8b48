"""Text statistics: words normalised with lower() and strip(), counted in a dict with get
and setdefault, ranked by sorting (count, word) tuples, a letter histogram with ord/chr."""

TEXT = """It was the best of times, it was the worst of times; it was the age of
wisdom, it was the age of foolishness. It was the epoch of belief, it was the epoch
of incredulity! It was the season of Light, it was the season of Darkness?"""


def words_of(text):
    words = []
    for line in text.split("\n"):
        for raw in line.split(" "):
            word = raw.strip(".,;:!?").lower()
            if word != "":
                words.append(word)
    return words


def count_words(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def positions(words):
    where = {}
    for i in range(len(words)):
        where.setdefault(words[i], []).append(i)
    return where


def letter_histogram(text):
    hist = [0] * 26
    for c in text.lower():
        if "a" <= c <= "z":
            hist[ord(c) - ord("a")] += 1
    return hist


def entry_point(argv):
    words = words_of(TEXT)
    counts = count_words(words)
    print("%d words, %d distinct" % (len(words), len(counts)))
    ranked = []
    for word, n in counts.items():
        ranked.append((-n, word))
    ranked.sort()
    for i in range(5):
        neg, word = ranked[i]
        print("%-8s %2d %s" % (word, -neg, "#" * -neg))
    where = positions(words)
    print("'epoch' at " + str(where["epoch"]))
    longest = ""
    for w in counts.keys():
        if len(w) > len(longest) or len(w) == len(longest) and w < longest:
            longest = w
    print("longest: %s (%d letters)" % (longest, len(longest)))
    total = 0
    for w in words:
        total += len(w)
    print("average length %.2f" % (float(total) / len(words)))
    hist = letter_histogram(TEXT)
    top = 0
    for i in range(26):
        if hist[i] > hist[top]:
            top = i
    print("most common letter: %s (%d)" % (chr(ord("a") + top), hist[top]))
    unused = [chr(ord("a") + i) for i in range(26) if hist[i] == 0]
    print("unused letters: " + "".join(unused))
    small = {}
    for w in ["it", "was", "the"]:
        small[w] = counts[w]
    print(str(small))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 48 words, 16 distinct
# expect: it        8 ########
# expect: of        8 ########
# expect: the       8 ########
# expect: was       8 ########
# expect: age       2 ##
# expect: 'epoch' at [27, 33]
# expect: longest: foolishness (11 letters)
# expect: average length 3.62
# expect: most common letter: e (22)
# expect: unused letters: jqvxz
# expect: {'it': 8, 'was': 8, 'the': 8}
