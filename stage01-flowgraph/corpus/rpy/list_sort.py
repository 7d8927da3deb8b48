"""Sorting: list.sort, sorted, reverse=True, and two hand-written sorts."""


def insertion_sort(lst):
    for i in range(1, len(lst)):
        key = lst[i]
        j = i - 1
        while j >= 0 and lst[j] > key:
            lst[j + 1] = lst[j]
            j -= 1
        lst[j + 1] = key


def merge_sort(lst):
    if len(lst) <= 1:
        return lst
    mid = len(lst) // 2
    left = merge_sort(lst[:mid])
    right = merge_sort(lst[mid:])
    result = []
    i = 0
    j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            result.append(left[i])
            i += 1
        else:
            result.append(right[j])
            j += 1
    result.extend(left[i:])
    result.extend(right[j:])
    return result


def entry_point(argv):
    data = [38, 27, 43, 3, 9, 82, 10, 3]
    a = data[:]
    insertion_sort(a)
    print("insertion: " + str(a))
    print("merge:     " + str(merge_sort(data)))
    print("sorted:    " + str(sorted(data)))
    print("original:  " + str(data))
    data.sort(reverse=True)
    print("reversed:  " + str(data))
    words = ["pear", "apple", "fig", "banana"]
    words.sort()
    print(" ".join(words))
    floats = [2.5, -1.0, 0.5]
    floats.sort()
    print(str(floats))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: insertion: [3, 3, 9, 10, 27, 38, 43, 82]
# expect: merge:     [3, 3, 9, 10, 27, 38, 43, 82]
# expect: sorted:    [3, 3, 9, 10, 27, 38, 43, 82]
# expect: original:  [38, 27, 43, 3, 9, 82, 10, 3]
# expect: reversed:  [82, 43, 38, 27, 10, 9, 3, 3]
# expect: apple banana fig pear
# expect: [-1.0, 0.5, 2.5]
