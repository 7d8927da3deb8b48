# expect-error: 4: bad operand for unary '-': a str
def entry_point(argv):
    name = argv[0]
    print(-name)
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
