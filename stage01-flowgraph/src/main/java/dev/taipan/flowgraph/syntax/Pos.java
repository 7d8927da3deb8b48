package dev.taipan.flowgraph.syntax;

/**
 * A source range, as CPython's AST keeps it: lines are 1-based, columns are 0-based offsets
 * in characters, the end is exclusive. Error messages print {@code col + 1}, as CPython does.
 */
public record Pos(int line, int col, int endLine, int endCol) {
    public static final Pos NONE = new Pos(0, 0, 0, 0);

    /** The range that starts where {@code this} starts and ends where {@code end} ends. */
    public Pos to(Pos end) {
        return new Pos(line, col, end.endLine, end.endCol);
    }
}
