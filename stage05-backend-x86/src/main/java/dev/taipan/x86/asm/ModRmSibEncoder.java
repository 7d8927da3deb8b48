package dev.taipan.x86.asm;

import java.util.OptionalInt;

/**
 * The reference {@link AddressEncoder}: the 64-bit addressing forms of the Intel manual's tables
 * "32-bit addressing forms with the ModR/M byte" and "... with the SIB byte", as PyPy's
 * {@code rx86.py} writes them ({@code encode_mem_reg_plus_const},
 * {@code encode_mem_reg_plus_scaled_reg_plus_const}, with its {@code NO_BASE_REGISTER} case).
 *
 * <p>ModRM is {@code mod(2) reg(3) rm(3)}. With {@code mod = 11}, rm is a register. Otherwise rm
 * names a base register and mod the size of the displacement: 00 none, 01 disp8, 10 disp32. Two
 * rm values are taken for escapes, which is where the special cases come from: rm = 100 (rsp,
 * r12) means "a SIB byte follows", and rm = 101 with mod = 00 (rbp, r13) means "RIP-relative" in
 * 64-bit mode. So an rsp or r12 base always needs a SIB byte, and an rbp or r13 base always needs
 * a displacement, a zero disp8 if nothing else. Inside SIB the same two values escape again:
 * index 100 means "no index" (so rsp is never one), and base 101 with mod = 00 means "no base, a
 * disp32". REX.X and REX.B carry the fourth bit of the index and the base, which is why r12 and
 * r13 share rsp's and rbp's special cases (their low three bits are the same) while r12 can be an
 * index (with REX.X it is index 1100, not 100).
 */
public final class ModRmSibEncoder implements AddressEncoder {

    @Override
    public Addressing encode(int reg, Mem m) {
        return switch (m) {
            case Mem.Rip r -> new Addressing(0, 0, modRm(0b00, reg, 0b101), OptionalInt.empty(), 4, 0);
            case Mem.Based b when b.base() == null -> indexOnly(reg, b);
            case Mem.Based b -> based(reg, b);
        };
    }

    /** {@code [index*scale + disp32]}: SIB with base = 101 under mod = 00, and always four bytes of displacement. */
    private static Addressing indexOnly(int reg, Mem.Based m) {
        return new Addressing(m.index().high(), 0, modRm(0b00, reg, 0b100),
                OptionalInt.of(sib(m.scale(), m.index().low3(), 0b101)), 4, m.disp());
    }

    private static Addressing based(int reg, Mem.Based m) {
        Reg base = m.base();
        int dispSize = m.disp() == 0 && base.low3() != 0b101 ? 0 : m.disp() == (byte) m.disp() ? 1 : 4;
        int mod = switch (dispSize) {
            case 0 -> 0b00;
            case 1 -> 0b01;
            default -> 0b10;
        };
        if (m.index() == null && base.low3() != 0b100) {
            return new Addressing(0, base.high(), modRm(mod, reg, base.low3()), OptionalInt.empty(), dispSize, m.disp());
        }
        int index = m.index() == null ? 0b100 : m.index().low3();
        int rexX = m.index() == null ? 0 : m.index().high();
        return new Addressing(rexX, base.high(), modRm(mod, reg, 0b100),
                OptionalInt.of(sib(m.scale(), index, base.low3())), dispSize, m.disp());
    }

    private static int modRm(int mod, int reg, int rm) {
        return mod << 6 | reg << 3 | rm;
    }

    /** SIB is scale(2) index(3) base(3), the scale as its power of two. */
    private static int sib(int scale, int index, int base) {
        return Integer.numberOfTrailingZeros(scale) << 6 | index << 3 | base;
    }
}
