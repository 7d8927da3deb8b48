"""A function of a family called directly inside a try: pick returns a char, and the other
members of its family (the table) return strs, so its graph returns a str which the direct
call narrows back to a char. The narrowing must happen on the call's normal exit: made right
after the call, in the call's block, it became the block's last operation, and the IndexError
pick raises escaped the try (fuzz seed 900055)."""
import sys


def empty(n, text):
    return ''


def pick(n, text):
    items = [text][:n % 2]
    return (items[0] + 'abc')[n % 3]


def whole(n, text):
    return text * n


TABLE = [empty, pick, whole]


def entry_point(argv):
    caught = 0
    for n in range(4):
        try:
            c = pick(n, 'xy')
            print('picked ' + c)
        except IndexError:
            caught += 1
        try:
            s = TABLE[n % 3](n, 'z')
            print('table %d: %s' % (n, s))
        except IndexError:
            caught += 10
    print('caught %d' % caught)
    return 0


if __name__ == '__main__':
    sys.exit(entry_point(sys.argv))
# expect: table 0: 
# expect: picked y
# expect: table 1: a
# expect: table 2: zz
# expect: picked x
# expect: table 3: 
# expect: caught 2
