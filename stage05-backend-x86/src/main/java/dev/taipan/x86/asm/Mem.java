package dev.taipan.x86.asm;

/**
 * A memory operand, with the width Intel syntax writes as {@code qword ptr}. Two shapes exist in
 * 64-bit code:
 *
 * <ul>
 *   <li>{@link Based}: {@code [base + index*scale + disp]}, where either base or index may be
 *       missing (not both: an absolute address is written RIP-relative here);
 *   <li>{@link Rip}: {@code [rip + disp32]}, an address relative to the end of the instruction,
 *       which is how position-independent code reaches its data and how a loader can place the
 *       code anywhere.
 * </ul>
 *
 * <p>The width matters where nothing else gives it ({@code add qword ptr [rbx], 1}) and where it
 * is the source size ({@code movzx eax, byte ptr [rbx]}); where a register gives the size, the
 * memory operand must agree with it. {@code lea} computes an address and ignores the width.
 */
public sealed interface Mem extends Operand permits Mem.Based, Mem.Rip {

    Width width();

    /** The same location read or written at another width. */
    Mem withWidth(Width other);

    /**
     * {@code [base + index*scale + disp]}. Base and index are 64-bit registers (the 32-bit
     * address size, prefix {@code 67}, is never needed); {@code rsp} cannot be an index,
     * because the SIB encoding of "index 4" means "no index" ({@code r12}, number 12, can).
     */
    record Based(Width width, Reg base, Reg index, int scale, int disp) implements Mem {
        public Based {
            if (base == null && index == null) {
                throw new IllegalArgumentException("a memory operand needs a base or an index; "
                        + "write an absolute address as [rip + disp] or through a register");
            }
            if (base != null && base.width() != Width.QWORD) {
                throw new IllegalArgumentException("base register " + base + " must be a 64-bit register");
            }
            if (index != null && index.width() != Width.QWORD) {
                throw new IllegalArgumentException("index register " + index + " must be a 64-bit register");
            }
            if (index != null && index.number() == 4) {
                throw new IllegalArgumentException("rsp cannot be an index register");
            }
            if (scale != 1 && scale != 2 && scale != 4 && scale != 8) {
                throw new IllegalArgumentException("scale must be 1, 2, 4 or 8, not " + scale);
            }
            if (index == null && scale != 1) {
                throw new IllegalArgumentException("a scale needs an index register");
            }
        }

        @Override
        public Mem withWidth(Width other) {
            return new Based(other, base, index, scale, disp);
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder(width.intelName()).append(" ptr [");
            if (base != null) {
                s.append(base);
            }
            if (index != null) {
                s.append(base != null ? "+" : "").append(index).append('*').append(scale);
            }
            if (disp != 0 || base == null) {
                s.append(disp < 0 ? "-" : "+").append(Math.abs((long) disp));
            }
            return s.append(']').toString();
        }
    }

    /** {@code [rip + ...]}: a fixed displacement, a label in the same code, or a symbol. */
    record Rip(Width width, Target target) implements Mem {
        @Override
        public Mem withWidth(Width other) {
            return new Rip(other, target);
        }

        @Override
        public String toString() {
            String t = target.toString();
            return width.intelName() + " ptr [rip" + (t.startsWith("-") ? t : "+" + t) + "]";
        }
    }

    static Mem at(Width width, Reg base) {
        return new Based(width, base, null, 1, 0);
    }

    static Mem at(Width width, Reg base, int disp) {
        return new Based(width, base, null, 1, disp);
    }

    static Mem at(Width width, Reg base, Reg index, int scale, int disp) {
        return new Based(width, base, index, scale, disp);
    }

    /** {@code [index*scale + disp32]} with no base: a table at a fixed address, indexed. */
    static Mem indexed(Width width, Reg index, int scale, int disp) {
        return new Based(width, null, index, scale, disp);
    }

    static Mem rip(Width width, Target target) {
        return new Rip(width, target);
    }

    static Mem qword(Reg base, int disp) {
        return at(Width.QWORD, base, disp);
    }
}
