"""List slicing (with steps), membership, repetition, comprehensions and del."""


def show(label, lst):
    print(label + ": " + str(lst))


def entry_point(argv):
    nums = [i * i for i in range(10)]
    show("squares", nums)
    show("[2:5]", nums[2:5])
    show("[::2]", nums[::2])
    show("[::-1]", nums[::-1])
    show("[7:2:-2]", nums[7:2:-2])
    show("[-3:]", nums[-3:])
    show("evens", [x for x in nums if x % 2 == 0])
    show("pairs", [a * 10 + b for a in range(1, 3) for b in range(3)])
    print(str(49 in nums) + " " + str(50 in nums) + " " + str(50 not in nums))
    zeros = [0] * 5
    zeros[2] = 7
    show("zeros", zeros)
    grid = [[0] * 3 for i in range(2)]
    grid[1][2] = 5
    print(str(grid[0]) + " " + str(grid[1]))
    del nums[0]
    del nums[-1]
    show("del ends", nums)
    del nums[1:4]
    show("del [1:4]", nums)
    nums[0:2] = [100, 200, 300]
    show("slice assign", nums)
    copy = nums[:]
    copy.append(-1)
    print("%d %d" % (len(nums), len(copy)))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: squares: [0, 1, 4, 9, 16, 25, 36, 49, 64, 81]
# expect: [2:5]: [4, 9, 16]
# expect: [::2]: [0, 4, 16, 36, 64]
# expect: [::-1]: [81, 64, 49, 36, 25, 16, 9, 4, 1, 0]
# expect: [7:2:-2]: [49, 25, 9]
# expect: [-3:]: [49, 64, 81]
# expect: evens: [0, 4, 16, 36, 64]
# expect: pairs: [10, 11, 12, 20, 21, 22]
# expect: True False True
# expect: zeros: [0, 0, 7, 0, 0]
# expect: [0, 0, 0] [0, 0, 5]
# expect: del ends: [1, 4, 9, 16, 25, 36, 49, 64]
# expect: del [1:4]: [1, 25, 36, 49, 64]
# expect: slice assign: [100, 200, 300, 36, 49, 64]
# expect: 6 7
