package dev.taipan.annotator;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.bytecode.Code;
import java.util.List;

/**
 * A program the annotator rejects: what could not be typed, where (file:line, the source line
 * and a caret), and the chain of calls from the entry point that led there.
 */
public final class AnnotatorError extends TaipanError {
    public final SourceFile source;
    public final int line;
    public final List<String> callChain;
    /** Where on the line the caret goes, packed as in {@link Code#packColumns}; {@link Code#NO_COLUMNS} if unknown. */
    public final int columns;

    public AnnotatorError(String message, SourceFile source, int line, List<String> callChain) {
        this(message, source, line, callChain, Code.NO_COLUMNS);
    }

    public AnnotatorError(String message, SourceFile source, int line, List<String> callChain, int columns) {
        super(message);
        this.source = source;
        this.line = line;
        this.callChain = List.copyOf(callChain);
        this.columns = columns;
    }

    @Override
    public String render() {
        StringBuilder sb = new StringBuilder();
        if (source != null && line > 0) {
            sb.append(source.name()).append(':').append(line).append(": ");
        }
        sb.append("annotation error: ").append(getMessage()).append('\n');
        if (source != null && line > 0) {
            String text = source.line(line);
            if (text != null) {
                String stripped = text.stripLeading();
                sb.append("    ").append(stripped.stripTrailing()).append('\n');
                sb.append("    ").append(caret(text, text.length() - stripped.length())).append('\n');
            }
        }
        for (String c : callChain) {
            sb.append("  ").append(c).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    /**
     * The marker under the expression, CPython style: {@code ^} under every character of a
     * one-line expression, from its column (the compiler counts characters), or one {@code ^}
     * at the start of the line when the column is unknown.
     */
    private String caret(String text, int indent) {
        int start = Code.startColumn(columns);
        int end = Code.endColumn(columns);
        if (start < indent || start >= text.length()) {
            return "^";
        }
        int to = end > start && end <= text.length() ? end : start + 1;
        return " ".repeat(start - indent) + "^".repeat(to - start);
    }
}
