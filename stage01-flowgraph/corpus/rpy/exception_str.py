"""str() of a caught exception is the message it was made with; a KeyError's is the repr of its
key, quotes and all, as in CPython (KeyError('k') prints as KeyError: 'k'), also when a dict
lookup raises it for a key known only at run time; an exception made without a message prints
as the empty string."""


class ParseError(ValueError):
    pass


def parse_digit(c):
    if c < '0' or c > '9':
        raise ParseError("not a digit: " + c)
    return ord(c) - ord('0')


def find(table, key):
    for k, v in table:
        if k == key:
            return v
    raise KeyError(key)  # error: KeyError: 'four 1'


def entry_point(argv):
    table = [("one", 1), ("two", 2), ("it's", 3)]
    for text in ["7", "x"]:
        try:
            print("digit", parse_digit(text))
        except ValueError as e:
            print("ValueError:", str(e))
    for key in ["two", "three", "it's", "say \"hi\""]:
        try:
            print(key, find(table, key))
        except KeyError as e:
            print("missing", str(e), len(str(e)))
    try:
        raise IndexError()
    except IndexError as e:
        print("empty message: [%s]" % str(e))
    try:
        [1, 2, 3][len(argv) + 5]
    except IndexError as e:
        print("IndexError:", str(e))
    d = {"a": 1}
    try:
        d["b"]
    except KeyError as e:
        print("constant key:", str(e))
    for key in ["a", "a" + str(len(argv)), "don't"]:
        try:
            print("found", d[key])
        except KeyError as e:
            print("run-time key:", str(e))
    counts = {1: 1}
    try:
        counts.pop(len(argv) - 9)
    except KeyError as e:
        print("int key:", str(e))
    return find(table, "four " + str(len(argv)))


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: digit 7
# expect: ValueError: not a digit: x
# expect: two 2
# expect: missing 'three' 7
# expect: it's 3
# expect: missing 'say "hi"' 10
# expect: empty message: []
# expect: IndexError: list index out of range
# expect: constant key: 'b'
# expect: found 1
# expect: run-time key: 'a1'
# expect: run-time key: "don't"
# expect: int key: -8
