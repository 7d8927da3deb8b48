"""Strings: %-formatting, join, split, upper, count, replace, startswith/endswith, find,
f-strings and strip; allocation of many short strings."""
from _bench import run


def work():
    parts = []
    for i in range(200000):
        parts.append("item%d" % i)
    text = ",".join(parts)
    fields = text.split(",")
    total = len(fields)
    total += text.upper().count("ITEM1")
    total += len(text.replace("item", "x"))
    for field in fields[:100000]:
        if field.startswith("item1") and field.endswith("7"):
            total += 1
        total += field.find("9")
    words = []
    for i in range(50000):
        words.append(f"{i}-{i % 7}")
    total += len(("  " + " ".join(words) + "  ").strip().split(" "))
    return total


run("strings", work)
