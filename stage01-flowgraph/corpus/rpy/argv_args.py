"""Command-line arguments reach entry_point as argv[1:], all strings."""
# args: 7 apples -3 x


def entry_point(argv):
    print("%d arguments" % (len(argv) - 1))
    total = 0
    words = []
    for arg in argv[1:]:
        if arg.isdigit() or (arg.startswith("-") and arg[1:].isdigit()):
            total += int(arg)
        else:
            words.append(arg)
    print("sum of numbers: %d" % total)
    print("words: " + ", ".join(words))
    print("program name ends with .py: " + str(argv[0].endswith(".py")))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 4 arguments
# expect: sum of numbers: 4
# expect: words: apples, x
# expect: program name ends with .py: True
