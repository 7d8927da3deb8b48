package dev.taipan.x86.load;

/** The loader could not map, protect or enter a program: a fact about the machine, not about the program. */
public final class LoadException extends RuntimeException {
    public LoadException(String message) {
        super(message);
    }
}
