package dev.taipan.rtyper.llinterp;

import dev.taipan.rtyper.llgraph.InlinedFrames.Frame;
import java.util.List;

/**
 * An RPy exception on its way through the llinterp's frames (PyPy's llinterp has a class of
 * this name for the same purpose): its class, a vtable address, and its instance, as the
 * except block of a low-level graph passes them to the caller; and the {@link Traceback} of the
 * frames it has left so far. {@link LLInterpreter#call} throws it when it escapes the graph
 * called; {@link LLInterpreter#report} prints it.
 *
 * <p>A Java exception is the natural carrier: a raising operation is always the last of its
 * block, so unwinding a Java frame is exactly leaving an RPy frame, and a {@code try} costs
 * nothing while no exception is thrown. It has no Java stack trace, which would be the
 * llinterp's, not the program's, and would cost more than the raise itself.
 */
public final class LLException extends RuntimeException {

    private final long etype;
    private final long evalue;
    private final Traceback traceback;

    LLException(long etype, long evalue) {
        this(etype, evalue, new Traceback());
    }

    /** An exception that was pending, with the traceback its frames recorded (see {@link PendingException}). */
    LLException(long etype, long evalue, Traceback traceback) {
        super(null, null, false, false);
        this.etype = etype;
        this.evalue = evalue;
        this.traceback = traceback;
    }

    /** The exception's class: the address of its vtable. */
    public long etype() {
        return etype;
    }

    /** The exception instance's address. */
    public long evalue() {
        return evalue;
    }

    /** {@code Traceback (most recent call last):} and the frames it went through, outermost first. */
    public String traceback() {
        return traceback.formatForUser();
    }

    Traceback frames() {
        return traceback;
    }

    void passedThrough(List<Frame> where) {
        traceback.add(where);
    }

    /** The addresses and the traceback; {@link LLInterpreter#report} names the exception, reading it from the heap. */
    @Override
    public String getMessage() {
        return "RPy exception of class 0x" + Long.toHexString(etype) + ", instance 0x" + Long.toHexString(evalue)
                + "\n" + traceback.format();
    }
}
