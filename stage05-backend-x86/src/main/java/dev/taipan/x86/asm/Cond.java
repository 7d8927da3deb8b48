package dev.taipan.x86.asm;

/**
 * The sixteen condition codes of {@code jcc}, {@code setcc} and {@code cmovcc}. The number is
 * the low nibble of the opcode ({@code 0F 80+cc}, {@code 70+cc}, {@code 0F 90+cc},
 * {@code 0F 40+cc}), and the encoding is arranged in pairs so that flipping the lowest bit
 * negates a condition: {@code e} (4) and {@code ne} (5), {@code l} (12) and {@code ge} (13).
 * Compare-and-branch code uses {@link #negate()} to jump around the "then" branch.
 *
 * <p>Signed comparisons are {@code l/le/g/ge}; unsigned ones (and {@code ucomisd}'s result) are
 * {@code b/be/a/ae}; {@code p} is set by an unordered floating-point compare (a NaN).
 */
public enum Cond {
    O(0x0), NO(0x1), B(0x2), AE(0x3), E(0x4), NE(0x5), BE(0x6), A(0x7),
    S(0x8), NS(0x9), P(0xA), NP(0xB), L(0xC), GE(0xD), LE(0xE), G(0xF);

    private final int code;

    Cond(int code) {
        this.code = code;
    }

    /** The four-bit number that goes into the opcode. */
    public int code() {
        return code;
    }

    /** The condition that holds exactly when this one does not. */
    public Cond negate() {
        return values()[code ^ 1];
    }

    /** The mnemonic suffix: {@code jne}, {@code setge}, {@code cmovb}. */
    public String suffix() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
