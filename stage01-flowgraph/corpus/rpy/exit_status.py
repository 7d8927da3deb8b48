"""The return value of entry_point is the process exit status."""
# exit: 3


def count_failures(checks):
    failures = 0
    for name, ok in checks:
        if ok:
            print("pass: " + name)
        else:
            print("FAIL: " + name)
            failures += 1
    return failures


def entry_point(argv):
    checks = [("one", 1 + 1 == 2), ("two", 2 * 2 == 5), ("three", "a" < "b"),
              ("four", 7 // 2 == 4), ("five", len([]) == 0), ("six", -1 > 0)]
    return count_failures(checks)


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: pass: one
# expect: FAIL: two
# expect: pass: three
# expect: FAIL: four
# expect: pass: five
# expect: FAIL: six
