package dev.taipan.x86.asm;

/**
 * An SSE register, {@code xmm0} to {@code xmm15}. The backend uses only its low 64 bits, as a
 * scalar double. Numbers 8 to 15 need the REX prefix, exactly as r8 to r15 do.
 */
public record Xmm(int number) implements Operand {

    public Xmm {
        if (number < 0 || number > 15) {
            throw new IllegalArgumentException("no register xmm" + number);
        }
    }

    public static final Xmm XMM0 = new Xmm(0), XMM1 = new Xmm(1), XMM2 = new Xmm(2), XMM3 = new Xmm(3),
            XMM4 = new Xmm(4), XMM5 = new Xmm(5), XMM6 = new Xmm(6), XMM7 = new Xmm(7),
            XMM8 = new Xmm(8), XMM9 = new Xmm(9), XMM10 = new Xmm(10), XMM11 = new Xmm(11),
            XMM12 = new Xmm(12), XMM13 = new Xmm(13), XMM14 = new Xmm(14), XMM15 = new Xmm(15);

    @Override
    public String toString() {
        return "xmm" + number;
    }
}
