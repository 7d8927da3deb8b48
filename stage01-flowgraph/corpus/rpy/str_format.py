"""%-formatting of ints and strings: widths, flags, %x, %o, %r and %%."""


def entry_point(argv):
    print("[%5d] [%-5d] [%05d] [%+d] [%d]" % (42, 42, 42, 42, -42))
    print("[%x] [%X] [%o] [%#x] [%08x]" % (255, 255, 8, 255, 48879))
    print("[%s] [%10s] [%-10s] [%.3s]" % ("rpy", "right", "left", "truncate"))
    print("[%r] [%r]" % ("quoted", 'it\'s'))
    print("100%% done, %d%% left" % 0)
    name = "Ada"
    age = 36
    print("%s is %d years old" % (name, age))
    print("%s" % str([1, 2, 3]))
    table = [("apples", 3), ("kiwis", 12), ("figs", 100)]
    for item, n in table:
        print("%-8s|%4d|" % (item, n))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: [   42] [42   ] [00042] [+42] [-42]
# expect: [ff] [FF] [10] [0xff] [0000beef]
# expect: [rpy] [     right] [left      ] [tru]
# expect: ['quoted'] ["it's"]
# expect: 100% done, 0% left
# expect: Ada is 36 years old
# expect: [1, 2, 3]
# expect: apples  |   3|
# expect: kiwis   |  12|
# expect: figs    | 100|
