"""An uncaught KeyError: the message is the repr of the missing key."""

prices = {"apple": 3, "pear": 4}


def total(order):
    return sum(prices[item] * n for item, n in order)  # error: KeyError: 'kiwi'


print(total([("apple", 2), ("pear", 1)]))
print(total([("apple", 1), ("kiwi", 5)]))
# expect: 10
