package dev.taipan.x86.asm;

/**
 * An immediate: a constant inside the instruction. Its value is kept as a Java {@code long};
 * the instruction decides how many bytes it takes (1, 2, 4 or, for {@code movabs}, 8) and
 * rejects a value that does not fit.
 */
public record Imm(long value) implements Operand {

    public static Imm imm(long value) {
        return new Imm(value);
    }

    /** The 8-bit form, when the processor's sign-extension of one byte gives the value back. */
    boolean fitsInt8() {
        return value == (byte) value;
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
