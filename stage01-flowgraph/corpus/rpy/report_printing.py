"""A sales report: %-formatting of simple values (widths, precision, signs, %x, %o, %r,
%%), and str()/repr() of ints, floats, bools, strings, and of lists, tuples and dicts of
them, printed exactly as Python prints them."""

REGIONS = ["north", "south", "east", "west"]
SALES = {"north": [120, 80, 95], "south": [40, 0, 61], "east": [300, 210, 5], "west": [7, 7, 7]}
RATES = {"north": 0.15, "south": 0.1, "east": 0.125, "west": 0.2}


def total(values):
    t = 0
    for v in values:
        t += v
    return t


def entry_point(argv):
    print("%-6s|%6s|%8s|%6s" % ("region", "total", "bonus", "share"))
    print("-" * 30)
    grand = 0
    for r in REGIONS:
        grand += total(SALES[r])
    for r in REGIONS:
        t = total(SALES[r])
        bonus = t * RATES[r]
        print("%-6s|%6d|%8.2f|%5.1f%%" % (r, t, bonus, 100.0 * t / grand))
    print("grand total %d (%x hex, %o octal, %+d signed)" % (grand, grand, grand, grand))
    print("repr %r and str %s of the same string" % ("east", "east"))
    print("width and precision: [%8.3f] [%-8.1f] [%08.2f]" % (3.14159, 2.5, -1.5))
    best = ""
    for r in REGIONS:
        if best == "" or total(SALES[r]) > total(SALES[best]):
            best = r
    print("best: " + repr(best) + " with " + str(total(SALES[best])))
    print(str(SALES["south"]) + " " + repr(SALES["west"]))
    print(str(RATES))
    print(str((1, "one", 1.0, True)))
    print(repr((0.1, -0.0, 1e20, 1.5e-07)))
    print(str([["a", "b"], [], ["it's"]]))
    print(str({1: "one", -2: "minus two"}))
    print(str([(r, total(SALES[r])) for r in REGIONS]))
    print(str(1.0 / 3) + " " + str(float(1 << 60)) + " " + str(100.0) + " " + str(False))
    print(repr("tab\there") + " " + repr('say "hi"') + " " + repr("both ' and \""))
    print(str(["x\ny", "back\\slash"]))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: region| total|   bonus| share
# expect: ------------------------------
# expect: north |   295|   44.25| 31.7%
# expect: south |   101|   10.10| 10.8%
# expect: east  |   515|   64.38| 55.3%
# expect: west  |    21|    4.20|  2.3%
# expect: grand total 932 (3a4 hex, 1644 octal, +932 signed)
# expect: repr 'east' and str east of the same string
# expect: width and precision: [   3.142] [2.5     ] [-0001.50]
# expect: best: 'east' with 515
# expect: [40, 0, 61] [7, 7, 7]
# expect: {'north': 0.15, 'south': 0.1, 'east': 0.125, 'west': 0.2}
# expect: (1, 'one', 1.0, True)
# expect: (0.1, -0.0, 1e+20, 1.5e-07)
# expect: [['a', 'b'], [], ["it's"]]
# expect: {1: 'one', -2: 'minus two'}
# expect: [('north', 295), ('south', 101), ('east', 515), ('west', 21)]
# expect: 0.3333333333333333 1.152921504606847e+18 100.0 False
# expect: 'tab\there' 'say "hi"' 'both \' and "'
# expect: ['x\ny', 'back\\slash']
