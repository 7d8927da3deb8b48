"""A shop inventory in dicts: get with a default, setdefault, pop with and without a
default, keys/values/items, iteration, membership, del, dicts of lists and of tuples."""

PRICES = {"apple": 3, "banana": 1, "cherry": 12, "date": 8}


def restock(stock, deliveries):
    for item, qty in deliveries:
        stock[item] = stock.get(item, 0) + qty


def sell(stock, orders):
    sold = {}
    missing = []
    for item, qty in orders:
        have = stock.get(item, 0)
        if have >= qty:
            stock[item] = have - qty
            sold.setdefault(item, []).append(qty)
        else:
            missing.append(item)
    return sold, missing


def value_of(stock):
    total = 0
    for item in stock:
        total += stock[item] * PRICES.get(item, 0)
    return total


def by_category(items):
    groups = {}
    for name in items:
        groups.setdefault(name[0], []).append(name)
    return groups


def entry_point(argv):
    stock = {}
    restock(stock, [("apple", 10), ("banana", 25), ("cherry", 2), ("apple", 5)])
    print("stock " + str(stock) + ", worth %d" % value_of(stock))
    sold, missing = sell(stock, [("apple", 4), ("cherry", 3), ("banana", 5), ("apple", 1), ("fig", 1)])
    print("sold " + str(sold) + ", missing " + str(missing))
    print("cherry in stock: %s, fig in stock: %s" % (str("cherry" in stock), str("fig" in stock)))
    names = list(stock.keys())
    names.sort()
    counts = list(stock.values())
    counts.sort()
    print("names %s, counts %s" % (str(names), str(counts)))
    for item, qty in stock.items():
        if qty == 0:
            print("out of " + item)
    removed = stock.pop("banana")
    gone = stock.pop("kiwi", -1)
    print("popped banana=%d kiwi=%d, left %s" % (removed, gone, str(stock)))
    del stock["cherry"]
    print("after del: %d items, keys %s" % (len(stock), str(list(stock.keys()))))
    pairs = {}
    for name, price in PRICES.items():
        pairs[name] = (price, len(name))
    print("date -> " + str(pairs["date"]))
    groups = by_category(["avocado", "apple", "beet", "cress", "carrot"])
    keys = list(groups.keys())
    keys.sort()
    for k in keys:
        print(k + ": " + ", ".join(groups[k]))
    copy = dict(PRICES)
    copy["apple"] = 4
    print("apple %d in copy, %d in original" % (copy["apple"], PRICES["apple"]))
    cheap = [name for name in PRICES if PRICES[name] < 5]
    print("cheap: " + str(cheap))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: stock {'apple': 15, 'banana': 25, 'cherry': 2}, worth 94
# expect: sold {'apple': [4, 1], 'banana': [5]}, missing ['cherry', 'fig']
# expect: cherry in stock: True, fig in stock: False
# expect: names ['apple', 'banana', 'cherry'], counts [2, 10, 20]
# expect: popped banana=20 kiwi=-1, left {'apple': 10, 'cherry': 2}
# expect: after del: 1 items, keys ['apple']
# expect: date -> (8, 4)
# expect: a: avocado, apple
# expect: b: beet
# expect: c: cress, carrot
# expect: apple 4 in copy, 3 in original
# expect: cheap: ['apple', 'banana']
