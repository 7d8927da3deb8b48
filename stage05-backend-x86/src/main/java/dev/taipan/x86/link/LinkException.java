package dev.taipan.x86.link;

/**
 * The program cannot be linked: a symbol is referenced and never defined, or defined twice, or a
 * PC-relative reference does not reach its target. The message names the symbol and the place
 * that refers to it, as {@code ld} does ("undefined reference to `foo' in bar").
 */
public final class LinkException extends RuntimeException {
    public LinkException(String message) {
        super(message);
    }
}
