package dev.taipan.flowgraph.syntax;

/**
 * One lexical token. {@code text} is the exact source text of the token; {@code value} is the
 * decoded value for literals: for NUMBER a {@code Long}, {@code BigInteger} or {@code Double};
 * for STRING a {@link StringLiteral}. Keywords are NAME tokens (see {@link #isKeyword}).
 */
public record Token(Kind kind, String text, Object value, Pos pos) {

    public enum Kind {
        NAME, NUMBER, STRING,
        /** An operator or delimiter; its spelling is {@code text} ("+", "**=", "(", ":", "->"...). */
        OP,
        NEWLINE, INDENT, DEDENT, ENDMARKER
    }

    public boolean is(Kind k) {
        return kind == k;
    }

    /** True for an OP or NAME (keyword) token spelled exactly {@code s}. */
    public boolean is(String s) {
        return (kind == Kind.OP || kind == Kind.NAME) && text.equals(s);
    }

    public boolean isKeyword() {
        return kind == Kind.NAME && Keywords.isKeyword(text);
    }

    public int line() {
        return pos.line();
    }
}
