package dev.taipan.x86.load;

/** A translated function called from Java ended with an exception, or made its program exit. */
public final class ProgramRaised extends RuntimeException {
    public ProgramRaised(String message) {
        super(message);
    }
}
