package dev.taipan.flowgraph.syntax;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;

/**
 * A program that does not parse or compile, reported the way CPython reports it. {@link Kind}
 * names the Python exception class: {@code SyntaxError}, {@code IndentationError},
 * {@code TabError}. Valid Python that Taipan does not implement yet is also a SyntaxError, with
 * a message that starts "not supported by Taipan:", so the user knows the program is not wrong.
 */
public final class SyntaxError extends TaipanError {

    public enum Kind {
        SyntaxError, IndentationError, TabError
    }

    private final Kind kind;
    private final SourceFile source;
    private final Pos pos;

    public SyntaxError(Kind kind, String message, SourceFile source, Pos pos) {
        super(message);
        this.kind = kind;
        this.source = source;
        this.pos = pos;
    }

    public SyntaxError(String message, SourceFile source, Pos pos) {
        this(Kind.SyntaxError, message, source, pos);
    }

    public static SyntaxError unsupported(String construct, SourceFile source, Pos pos) {
        return new SyntaxError("not supported by Taipan: " + construct, source, pos);
    }

    public Kind kind() {
        return kind;
    }

    public SourceFile source() {
        return source;
    }

    public Pos pos() {
        return pos;
    }

    /** The message alone, without position: what a test asserts on. */
    public String msg() {
        return getMessage();
    }

    /**
     * <pre>
     * prog.py:3:9: SyntaxError: '(' was never closed
     *     x = (1 +
     *         ^
     * </pre>
     */
    @Override
    public String render() {
        StringBuilder sb = new StringBuilder();
        sb.append(source.name()).append(':').append(pos.line()).append(':').append(pos.col() + 1)
                .append(": ").append(kind).append(": ").append(getMessage());
        String line = source.line(pos.line());
        if (!line.isBlank()) {
            String stripped = line.stripLeading();
            int indent = line.length() - stripped.length();
            sb.append("\n    ").append(stripped.stripTrailing()).append("\n    ");
            int caret = Math.max(0, Math.min(pos.col() - indent, stripped.length()));
            sb.append(" ".repeat(caret)).append('^');
            if (pos.endLine() == pos.line() && pos.endCol() - pos.col() > 1) {
                int width = Math.min(pos.endCol(), indent + stripped.length()) - pos.col() - 1;
                sb.append("^".repeat(Math.max(0, width)));
            }
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return render();
    }
}
