package dev.taipan.x86.asm;

/**
 * The size of an operand. An integer instruction has one operand size, and x86-64 says which
 * one in three different ways: the opcode itself (byte forms are the even opcode of a pair, like
 * {@code 88}/{@code 89}), the {@code 66} prefix (16 bits) and the {@code REX.W} bit (64 bits);
 * with none of them an instruction works on 32 bits. {@link #XMMWORD} is the 128-bit memory
 * operand of the packed SSE instructions ({@code xorpd}, {@code andpd}).
 */
public enum Width {
    BYTE(1, "byte"), WORD(2, "word"), DWORD(4, "dword"), QWORD(8, "qword"), XMMWORD(16, "xmmword");

    private final int bytes;
    private final String intelName;

    Width(int bytes, String intelName) {
        this.bytes = bytes;
        this.intelName = intelName;
    }

    public int bytes() {
        return bytes;
    }

    /** The name GNU {@code as} and the Intel manual give it in {@code qword ptr [...]}. */
    public String intelName() {
        return intelName;
    }

    /** Whether {@code value} is an immediate of this width, read as signed or as unsigned. */
    boolean holds(long value) {
        return switch (this) {
            case BYTE -> value >= -0x80 && value <= 0xFF;
            case WORD -> value >= -0x8000 && value <= 0xFFFF;
            case DWORD -> value >= -0x8000_0000L && value <= 0xFFFF_FFFFL;
            // A 64-bit instruction takes a 32-bit immediate and sign-extends it (movabs aside).
            case QWORD -> value == (int) value;
            case XMMWORD -> false;
        };
    }

    /** The immediate as the processor will read it: truncated to this width, then sign-extended. */
    long signExtend(long value) {
        return switch (this) {
            case BYTE -> (byte) value;
            case WORD -> (short) value;
            case DWORD -> (int) value;
            case QWORD, XMMWORD -> value;
        };
    }
}
