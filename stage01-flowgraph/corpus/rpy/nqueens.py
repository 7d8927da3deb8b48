"""N-queens by backtracking on a list, counting solutions and showing the first board."""


def safe(cols, row, col):
    for r in range(row):
        c = cols[r]
        if c == col or r - c == row - col or r + c == row + col:
            return False
    return True


def solve(n, row, cols, solutions):
    if row == n:
        solutions.append(cols[:])
        return
    for col in range(n):
        if safe(cols, row, col):
            cols[row] = col
            solve(n, row + 1, cols, solutions)


def entry_point(argv):
    for n in range(1, 8):
        solutions = []
        solve(n, 0, [0] * n, solutions)
        print("%d queens: %d solutions" % (n, len(solutions)))
    solutions = []
    solve(6, 0, [0] * 6, solutions)
    for col in solutions[0]:
        print("." * col + "Q" + "." * (5 - col))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: 1 queens: 1 solutions
# expect: 2 queens: 0 solutions
# expect: 3 queens: 0 solutions
# expect: 4 queens: 2 solutions
# expect: 5 queens: 10 solutions
# expect: 6 queens: 4 solutions
# expect: 7 queens: 40 solutions
# expect: .Q....
# expect: ...Q..
# expect: .....Q
# expect: Q.....
# expect: ..Q...
# expect: ....Q.
