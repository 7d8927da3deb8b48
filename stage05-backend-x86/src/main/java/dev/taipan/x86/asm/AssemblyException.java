package dev.taipan.x86.asm;

/**
 * An instruction the processor does not have (a memory-to-memory {@code mov}, a 64-bit
 * immediate to {@code add}), operands of mismatched widths, or a jump that cannot reach its
 * label. Always a bug in the code generator, so the message names the instruction and why.
 */
public final class AssemblyException extends IllegalArgumentException {
    public AssemblyException(String message) {
        super(message);
    }
}
