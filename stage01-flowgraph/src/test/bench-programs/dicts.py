"""Dictionaries: word counting with get(), int keys inserted, looked up with `in` and
deleted, setdefault, items() and a sort of the counts. String hashing and equality, and
the dict's probing, dominate."""
from _bench import run

WORDS = "the quick brown fox jumps over the lazy dog and runs far away from home".split()


def make_text(n):
    words = []
    for i in range(n):
        words.append(WORDS[(i * 7 + i // 3) % len(WORDS)] + str(i % 50))
    return " ".join(words)


TEXT = make_text(200000)


def work():
    counts = {}
    for word in TEXT.split():
        counts[word] = counts.get(word, 0) + 1
    table = {}
    for i in range(300000):
        table[i * 31 % 500009] = i
    hits = 0
    for i in range(600000):
        if i in table:
            hits += table[i]
    for i in range(0, 300000, 2):
        key = i * 31 % 500009
        if key in table:
            del table[key]
    groups = {}
    for word, count in counts.items():
        groups.setdefault(count, []).append(word)
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    return len(counts) + hits % 100000 + len(table) + len(groups) + top[0][1]


run("dicts", work)
