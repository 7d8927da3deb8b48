"""Conway's game of life on a small torus: a glider, printed as text."""

SIZE = 6


def step(board):
    new = [[False] * SIZE for i in range(SIZE)]
    for y in range(SIZE):
        for x in range(SIZE):
            n = 0
            for dy in [-1, 0, 1]:
                for dx in [-1, 0, 1]:
                    if (dx != 0 or dy != 0) and board[(y + dy) % SIZE][(x + dx) % SIZE]:
                        n += 1
            new[y][x] = n == 3 or (n == 2 and board[y][x])
    return new


def show(board):
    for row in board:
        print("".join(["#" if cell else "." for cell in row]))


def entry_point(argv):
    board = [[False] * SIZE for i in range(SIZE)]
    for x, y in [(1, 0), (2, 1), (0, 2), (1, 2), (2, 2)]:
        board[y][x] = True
    for generation in range(5):
        if generation % 4 == 0:
            print("generation %d" % generation)
            show(board)
        board = step(board)
    alive = 0
    for row in board:
        for cell in row:
            if cell:
                alive += 1
    print("alive %d" % alive)
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: generation 0
# expect: .#....
# expect: ..#...
# expect: ###...
# expect: ......
# expect: ......
# expect: ......
# expect: generation 4
# expect: ......
# expect: ..#...
# expect: ...#..
# expect: .###..
# expect: ......
# expect: ......
# expect: alive 5
