# expect-error: 4: cannot test whether an int is 'in' a str
def entry_point(argv):
    name = argv[0]
    if len(argv) in name:
        print("found")
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
