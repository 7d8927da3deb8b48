package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.TaipanError;
import dev.taipan.flowgraph.bytecode.Code;

/**
 * The flow space met something RPython forbids in translated code (a {@code yield}, an
 * assignment to a module global, a class created at run time...). The message says where
 * (file and line, with the source line), what, and why, in Python's terms.
 */
public final class FlowingError extends TaipanError {
    private final String file;
    private final int line;
    private final String sourceLine;
    private final String function;
    private final String what;
    private final String why;

    FlowingError(Code code, int line, String what, String why) {
        super(code.source().name() + ":" + line + ": " + what);
        this.file = code.source().name();
        this.line = line;
        String src;
        try {
            src = code.source().line(line).strip();
        } catch (RuntimeException e) {
            src = "";
        }
        this.sourceLine = src;
        this.function = code.qualname();
        this.what = what;
        this.why = why;
    }

    public int line() {
        return line;
    }

    /** What is wrong, in one line ({@code assignment to module global 'n'}). */
    public String what() {
        return what;
    }

    /** Why RPython forbids it, and what to do instead. */
    public String why() {
        return why;
    }

    @Override
    public String render() {
        return file + ":" + line + ": FlowingError: " + what + " (in " + function + ")\n"
                + (sourceLine.isEmpty() ? "" : "    " + sourceLine + "\n")
                + why;
    }
}
