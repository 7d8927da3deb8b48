# expect-error: 5: function 'find' returns None and also an int: an int cannot be None in RPy
def find(lst, x):
    for i in range(len(lst)):
        if lst[i] == x:
            return i
    return None


def entry_point(argv):
    print(find([1, 2], 2))
    return 0
