package dev.taipan.x86.regalloc;

/** {@code dst := src}: one move of a word, written in the assembler's order (destination first). */
public record Move(Location dst, Location src) {

    public Move {
        if (dst instanceof Location.Const) {
            throw new IllegalArgumentException("a constant cannot be a move's destination: " + dst + " := " + src);
        }
    }

    public static Move move(Location dst, Location src) {
        return new Move(dst, src);
    }

    @Override
    public String toString() {
        return dst + " := " + src;
    }
}
