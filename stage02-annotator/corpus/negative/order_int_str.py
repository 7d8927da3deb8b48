# expect-error: 5: cannot order an int and a str with '<'
def entry_point(argv):
    # Python 3 raises TypeError here when it runs; RPy rejects it before
    # anything runs.
    if len(argv) < "a":
        print("few arguments")
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
