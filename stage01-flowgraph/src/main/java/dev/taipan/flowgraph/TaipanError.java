package dev.taipan.flowgraph;

/**
 * An error in the user's program or in how they called Taipan, as opposed to a bug in Taipan.
 *
 * <p>The CLI prints {@link #render()} and exits with status 1, without a Java stack trace
 * (unless {@code --debug}). Subclasses carry a source position so that the message reads like
 * CPython's: {@code file:line:col}, the source line, a caret, and what is wrong in Python terms.
 */
public class TaipanError extends RuntimeException {
    public TaipanError(String message) {
        super(message);
    }

    public TaipanError(String message, Throwable cause) {
        super(message, cause);
    }

    /** The text shown to the user; one line unless a subclass adds the source context. */
    public String render() {
        return "error: " + getMessage();
    }
}
