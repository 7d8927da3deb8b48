package dev.taipan.rtyper.image;

/**
 * A pointer word in the image whose value depends on where things are placed: the word at
 * {@code offset} in {@code section} must hold the address of {@code target}. The image's bytes
 * hold 0 there, so they are the same wherever the image is mapped; the loader (the heap's
 * {@code map}, or the ELF file's relocations in stage 05, R_X86_64_64) writes the address.
 */
public record Relocation(Section section, long offset, Target target) {

    /** What a relocated word points to. */
    public sealed interface Target permits Address, FunctionRef {
    }

    /** A place in the image: the start of a prebuilt object, as its section's base plus an offset. */
    public record Address(Section section, long offset) implements Target {
    }
}
