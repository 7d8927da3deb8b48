package dev.taipan.annotator;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;
import java.util.List;

/**
 * A program the annotator rejects: what could not be typed, where (file:line, the source line
 * and a caret), and the chain of calls from the entry point that led there.
 */
public final class AnnotatorError extends TaipanError {
    public final SourceFile source;
    public final int line;
    public final List<String> callChain;

    public AnnotatorError(String message, SourceFile source, int line, List<String> callChain) {
        super(message);
        this.source = source;
        this.line = line;
        this.callChain = List.copyOf(callChain);
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
                sb.append("    ^\n");
            }
        }
        for (String c : callChain) {
            sb.append("  ").append(c).append('\n');
        }
        return sb.toString().stripTrailing();
    }
}
