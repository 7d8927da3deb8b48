# expect-error: 4: hash() needs a hashable value
def entry_point(argv):
    items = [len(a) for a in argv]
    print(hash(items))
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
