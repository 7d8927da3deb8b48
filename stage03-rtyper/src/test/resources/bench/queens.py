"""Recursion and lists: the solutions of the 9-queens problem by backtracking, the columns
and both diagonals in use kept in lists made by literals."""


def place(row, n, cols, diag1, diag2):
    if row == n:
        return 1
    count = 0
    for c in range(n):
        d1 = row + c
        d2 = row - c + n - 1
        if not cols[c] and not diag1[d1] and not diag2[d2]:
            cols[c] = True
            diag1[d1] = True
            diag2[d2] = True
            count += place(row + 1, n, cols, diag1, diag2)
            cols[c] = False
            diag1[d1] = False
            diag2[d2] = False
    return count


def queens(n):
    cols = [False, False, False, False, False, False, False, False, False, False, False, False]
    diag1 = [False, False, False, False, False, False, False, False, False, False, False, False,
             False, False, False, False, False, False, False, False, False, False, False, False]
    diag2 = [False, False, False, False, False, False, False, False, False, False, False, False,
             False, False, False, False, False, False, False, False, False, False, False, False]
    return place(0, n, cols, diag1, diag2)


def entry_point(argv):
    for n in range(4, 10):
        print(n, "queens:", queens(n))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 4 queens: 2
# expect: 5 queens: 10
# expect: 6 queens: 4
# expect: 7 queens: 40
# expect: 8 queens: 92
# expect: 9 queens: 352
