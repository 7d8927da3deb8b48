"""List methods: append, pop, insert, extend, reverse, index, remove, count."""


def show(label, lst):
    print(label + ": " + ", ".join([str(x) for x in lst]))


def entry_point(argv):
    lst = [3, 1, 4]
    lst.append(1)
    lst.append(5)
    show("appended", lst)
    last = lst.pop()
    first = lst.pop(0)
    print("popped %d and %d" % (last, first))
    lst.insert(0, 9)
    lst.insert(2, 2)
    lst.insert(100, 6)
    show("inserted", lst)
    lst.extend([5, 3])
    lst += [5]
    show("extended", lst)
    lst.reverse()
    show("reversed", lst)
    print("index of 9 is %d, count of 5 is %d" % (lst.index(9), lst.count(5)))
    lst.remove(5)
    show("removed a 5", lst)
    lst.sort()
    show("sorted", lst)
    print("len %d, min %d, max %d" % (len(lst), min(lst), max(lst)))
    empty = []
    empty.append("only")
    print(empty[0] + " " + str(len(empty)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: appended: 3, 1, 4, 1, 5
# expect: popped 5 and 3
# expect: inserted: 9, 1, 2, 4, 1, 6
# expect: extended: 9, 1, 2, 4, 1, 6, 5, 3, 5
# expect: reversed: 5, 3, 5, 6, 1, 4, 2, 1, 9
# expect: index of 9 is 8, count of 5 is 2
# expect: removed a 5: 3, 5, 6, 1, 4, 2, 1, 9
# expect: sorted: 1, 1, 2, 3, 4, 5, 6, 9
# expect: len 8, min 1, max 9
# expect: only 1
