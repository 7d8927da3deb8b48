package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.SourceFile;
import dev.taipan.flowgraph.TaipanError;

/**
 * A program the rtyper cannot (yet) turn into low-level operations: what, in Python's terms,
 * and where (file:line and the source line). An annotated program is type-correct, so this is
 * about representations this part of stage 03 does not have yet, never a user's type error.
 */
public final class RTyperError extends TaipanError {
    public final SourceFile source;
    public final int line;

    public RTyperError(String message, SourceFile source, int line) {
        super(message);
        this.source = source;
        this.line = line;
    }

    @Override
    public String render() {
        StringBuilder sb = new StringBuilder();
        if (source != null && line > 0) {
            sb.append(source.name()).append(':').append(line).append(": ");
        }
        sb.append("rtyper error: ").append(getMessage());
        String text = source == null || line <= 0 ? null : source.line(line);
        if (text != null) {
            sb.append("\n    ").append(text.strip());
        }
        return sb.toString();
    }
}
