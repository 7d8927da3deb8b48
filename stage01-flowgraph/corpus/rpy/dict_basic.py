"""Dicts: get, setdefault, pop, in, del, len, update of values."""


def entry_point(argv):
    ages = {"ann": 31, "bob": 25}
    ages["cid"] = 40
    print("%d entries, bob is %d" % (len(ages), ages["bob"]))
    print("%d %d" % (ages.get("dan", -1), ages.get("ann", -1)))
    print(str("cid" in ages) + " " + str("eve" in ages) + " " + str("eve" not in ages))
    print("%d" % ages.setdefault("eve", 22))
    print("%d" % ages.setdefault("eve", 99))
    ages["ann"] += 1
    removed = ages.pop("bob")
    print("removed %d, default %d" % (removed, ages.pop("bob", 0)))
    del ages["cid"]
    for name in ["ann", "bob", "cid", "eve"]:
        if name in ages:
            print("%s -> %d" % (name, ages[name]))
        else:
            print("%s missing" % name)
    squares = {}
    for i in range(6):
        squares[i] = i * i
    print("%d %d" % (squares[5], len(squares)))
    squares.clear()
    print("%d" % len(squares))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 3 entries, bob is 25
# expect: -1 31
# expect: True False True
# expect: 22
# expect: 22
# expect: removed 25, default 0
# expect: ann -> 32
# expect: bob missing
# expect: cid missing
# expect: eve -> 22
# expect: 25 6
# expect: 0
