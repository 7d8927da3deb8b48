package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.InlinedFrames.Frame;
import java.util.List;

/**
 * A low-level program did what no correct low-level program does, and the llinterp stops it
 * (PyPy's llinterp raises its own {@code LLFatalError}): undefined behaviour in an operation
 * (a zero divisor, a shift by 64), a bad memory access caught by the checked heap, a false
 * {@code debug_assert}, a call through a pointer that is no function, too deep a recursion, or
 * a graph the llinterp cannot run. The rtyper must never produce these, so they are Java
 * errors for the developer, not RPy exceptions the program could catch. The message names the
 * operation, and the RPy frames it went through follow, as in a traceback.
 */
public final class LLFatalError extends RuntimeException {

    private final Traceback traceback = new Traceback();

    LLFatalError(String message) {
        super(message);
    }

    LLFatalError(String message, Throwable cause) {
        super(message, cause);
    }

    void passedThrough(List<Frame> where) {
        traceback.add(where);
    }

    @Override
    public String getMessage() {
        return traceback.isEmpty() ? super.getMessage() : super.getMessage() + "\n" + traceback.format();
    }
}
