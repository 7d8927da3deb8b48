"""Dicts in full: insertion order, views that follow updates, view set operations,
|/|= merging, fromkeys, popitem, update forms, dict comprehension, equality."""

inventory = {"apples": 3, "pears": 0}
keys = inventory.keys()
values = inventory.values()
items = inventory.items()
inventory["figs"] = 12
print(list(keys), list(values), list(items))
print(len(keys), "figs" in keys, ("figs", 12) in items, 12 in values)
print(sorted(keys & {"figs", "kiwis"}), sorted(keys - {"pears"}), sorted(keys | {"z"}))
merged = inventory | {"pears": 5, "plums": 1}
inventory |= {"apples": 4}
print(merged, inventory)
inventory.update([("kiwis", 2)], pears=7)
print(inventory, inventory.popitem(), inventory)
print(dict.fromkeys("abc", 0), dict(a=1, b=2), dict([("x", 1)]), {} == dict())
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: -kv[1]))
del counts["m"]
print(counts, counts.pop("x", "absent"), counts.setdefault("q", []), counts)
print({1: "a", 2: "b"} == {2: "b", 1: "a"}, list(reversed({"a": 1, "b": 2})))
nested = {"outer": {"inner": [1, 2]}}
nested["outer"]["inner"].append(3)
print(nested, {k: v for k, v in zip(range(3), "xyz") if k != 1})
for key in list(inventory):
    if inventory[key] > 5:
        del inventory[key]
print(inventory, list(inventory.items())[0], {(1, 2): "tuple key"}[(1, 2)])

# expect: ['apples', 'pears', 'figs'] [3, 0, 12] [('apples', 3), ('pears', 0), ('figs', 12)]
# expect: 3 True True True
# expect: ['figs'] ['apples', 'figs'] ['apples', 'figs', 'pears', 'z']
# expect: {'apples': 3, 'pears': 5, 'figs': 12, 'plums': 1} {'apples': 4, 'pears': 0, 'figs': 12}
# expect: {'apples': 4, 'pears': 7, 'figs': 12} ('kiwis', 2) {'apples': 4, 'pears': 7, 'figs': 12}
# expect: {'a': 0, 'b': 0, 'c': 0} {'a': 1, 'b': 2} {'x': 1} True
# expect: {'m': 1, 'i': 4, 's': 4, 'p': 2} i [('i', 4), ('s', 4), ('p', 2), ('m', 1)]
# expect: {'i': 4, 's': 4, 'p': 2, 'q': []} absent [] {'i': 4, 's': 4, 'p': 2, 'q': []}
# expect: True ['b', 'a']
# expect: {'outer': {'inner': [1, 2, 3]}} {0: 'x', 2: 'z'}
# expect: {'apples': 4} ('apples', 4) tuple key
