"""rstring.StringBuilder: building strings piece by piece (a table and a number formatter)."""
from rpython.rlib.rstring import StringBuilder


def format_thousands(n):
    digits = str(n)
    if n < 0:
        digits = digits[1:]
    sb = StringBuilder()
    if n < 0:
        sb.append("-")
    first = len(digits) % 3
    if first == 0:
        first = 3
    sb.append_slice(digits, 0, first)
    i = first
    while i < len(digits):
        sb.append(",")
        sb.append(digits[i:i + 3])
        i += 3
    return sb.build()


def table(rows):
    sb = StringBuilder(64)
    for name, value in rows:
        sb.append(name)
        sb.append_multiple_char(".", 12 - len(name))
        sb.append(format_thousands(value))
        sb.append("\n")
    return sb.build()


def entry_point(argv):
    for n in [0, 999, 1000, -1234567, 9876543210]:
        print(format_thousands(n))
    text = table([("apples", 1200), ("oranges", 35), ("debt", -1000000)])
    print(text.strip())
    sb = StringBuilder()
    sb.append("abc")
    print("%d" % sb.getlength())
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 0
# expect: 999
# expect: 1,000
# expect: -1,234,567
# expect: 9,876,543,210
# expect: apples......1,200
# expect: oranges.....35
# expect: debt........-1,000,000
# expect: 3
