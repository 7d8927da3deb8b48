"""Breadth-first search through a maze given as a list of strings: positions are (row,
col) tuples, the frontier is a list used as a queue, the visited set and the parent links
are dicts keyed by tuples, and the path is redrawn on a copy of the maze."""

MAZE = ["##########",
        "#S   #   #",
        "# ## # # #",
        "#  #   # #",
        "## ##### #",
        "#      #E#",
        "# #### # #",
        "#    #   #",
        "##########"]

MOVES = [(0, 1), (1, 0), (0, -1), (-1, 0)]


def find(maze, mark):
    for r in range(len(maze)):
        c = maze[r].find(mark)
        if c >= 0:
            return (r, c)
    return (-1, -1)


def neighbours(maze, pos):
    r, c = pos
    out = []
    for dr, dc in MOVES:
        nr = r + dr
        nc = c + dc
        if 0 <= nr < len(maze) and 0 <= nc < len(maze[nr]) and maze[nr][nc] != "#":
            out.append((nr, nc))
    return out


def solve(maze):
    start = find(maze, "S")
    goal = find(maze, "E")
    parent = {start: start}
    queue = [start]
    explored = 0
    while len(queue) > 0:
        pos = queue.pop(0)
        explored += 1
        if pos == goal:
            path = [pos]
            while pos != start:
                pos = parent[pos]
                path.append(pos)
            path.reverse()
            return path, explored
        for n in neighbours(maze, pos):
            if n not in parent:
                parent[n] = pos
                queue.append(n)
    return [], explored


def draw(maze, path):
    rows = [list(line) for line in maze]
    for r, c in path[1:-1]:
        rows[r][c] = "."
    return ["".join(row) for row in rows]


def entry_point(argv):
    path, explored = solve(MAZE)
    print("start %s, end %s" % (str(find(MAZE, "S")), str(find(MAZE, "E"))))
    print("path of %d steps, %d cells explored" % (len(path) - 1, explored))
    for line in draw(MAZE, path):
        print(line)
    print("first moves: " + str(path[:4]))
    blocked = [line.replace("E", "#") for line in MAZE]
    nothing, explored = solve(blocked)
    print("blocked maze: %d steps found after exploring %d cells" % (len(nothing), explored))
    return 0


if __name__ == '__main__':
    import sys
    sys.exit(entry_point(sys.argv))

# expect: start (1, 1), end (5, 8)
# expect: path of 15 steps, 36 cells explored
# expect: ##########
# expect: #S...#...#
# expect: # ##.#.#.#
# expect: #  #...#.#
# expect: ## #####.#
# expect: #      #E#
# expect: # #### # #
# expect: #    #   #
# expect: ##########
# expect: first moves: [(1, 1), (1, 2), (1, 3), (1, 4)]
# expect: blocked maze: 0 steps found after exploring 35 cells
