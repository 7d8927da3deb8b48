# expect-error: 6: cannot compare an int with a str using '=='
def count_args(argv):
    return len(argv)

def entry_point(argv):
    if count_args(argv) == "2":     # always False in Python: a bug RPy reports
        print("two")
    return 0


if __name__ == "__main__":
    import sys
    entry_point(sys.argv)
