"""Nested loops over lists: append, indexing, sum, sort, slicing, list comprehensions, and
a selection sort whose inner loop is all subscripts and comparisons."""
from _bench import run


def work():
    rows = []
    for i in range(1000):
        row = []
        for j in range(200):
            row.append((i * j + j) % 97)
        rows.append(row)
    total = 0
    for row in rows:
        total += sum(row)
    squares = [x * x for x in range(200000) if x % 3 != 0]
    evens = squares[::2]
    total += len(evens) + evens[-1] % 1000
    for row in rows:
        row.sort()
        total += row[len(row) // 2]
    flat = []
    for row in rows[:300]:
        flat.extend(row[10:90])
    flat.sort(reverse=True)
    total += flat[0] + flat[-1] + len(flat)
    data = [(k * 7919) % 1009 for k in range(2000)]
    for a in range(len(data)):
        smallest = a
        for b in range(a + 1, len(data)):
            if data[b] < data[smallest]:
                smallest = b
        data[a], data[smallest] = data[smallest], data[a]
    total += data[0] + data[-1] + data[1000]
    pairs = [[a, b] for a in range(150) for b in range(150) if (a + b) % 5 == 0]
    total += len(pairs) + pairs[-1][0]
    return total


run("loops_lists", work)
