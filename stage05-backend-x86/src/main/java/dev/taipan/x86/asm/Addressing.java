package dev.taipan.x86.asm;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * What a memory operand contributes to an instruction, field by field:
 *
 * <pre>
 *   [66 | F2 | F3]  REX 0100W R <b>X B</b>  opcode  <b>ModRM  [SIB]  [disp8 | disp32]</b>  [immediate]
 * </pre>
 *
 * the X and B bits of the REX prefix (the fourth bits of the index and of the base register,
 * which do not fit in SIB and ModRM), and after the opcode the ModRM byte, an optional SIB byte
 * and a displacement of 0, 1 or 4 bytes. ModRM's {@code reg} field belongs to the instruction (a
 * register operand, or the opcode extension of a "/digit" form); everything else says where the
 * operand is. PyPy's {@code rpython/jit/backend/x86/rx86.py} computes the same pieces in two
 * functions per addressing form: {@code rex_mem_reg_plus_scaled_reg_plus_const} (the REX bits)
 * and {@code encode_mem_reg_plus_scaled_reg_plus_const} (the bytes).
 *
 * <p>A RIP-relative address ({@link Mem.Rip}) has a 4-byte displacement whose value is not known
 * here: it is the distance from the end of the instruction to a target, which may be a label not
 * yet bound or a symbol the loader places. So for it {@code dispSize} is 4 and {@code disp} is 0,
 * and the {@link Emitter} writes the target's displacement in those four bytes.
 *
 * <p>The constructor checks the fields' ranges, so that a wrong encoding fails where it is made
 * rather than as a wrong byte far away.
 *
 * @param rexX     REX.X, 0 or 1: the fourth bit of the SIB index
 * @param rexB     REX.B, 0 or 1: the fourth bit of the base (in ModRM.rm or SIB.base)
 * @param modRm    {@code mod(2) reg(3) rm(3)}
 * @param sib      {@code scale(2) index(3) base(3)}, present when ModRM.rm is 100 with mod not 11
 * @param dispSize 0, 1 or 4: the bytes of the displacement field
 * @param disp     its value, sign-extended by the processor (0 when there is no field)
 */
public record Addressing(int rexX, int rexB, int modRm, OptionalInt sib, int dispSize, int disp) {

    public Addressing {
        Objects.requireNonNull(sib, "sib: OptionalInt.empty() when there is no SIB byte");
        require(rexX == 0 || rexX == 1, "REX.X is one bit, not " + rexX);
        require(rexB == 0 || rexB == 1, "REX.B is one bit, not " + rexB);
        require(modRm >= 0 && modRm <= 0xFF, "ModRM is one byte, not " + modRm);
        sib.ifPresent(s -> require(s >= 0 && s <= 0xFF, "SIB is one byte, not " + s));
        require(dispSize == 0 || dispSize == 1 || dispSize == 4, "a displacement takes 0, 1 or 4 bytes, not " + dispSize);
        require(dispSize != 1 || disp == (byte) disp, "a disp8 holds -128..127, not " + disp);
        require(dispSize != 0 || disp == 0, "no displacement field, so disp must be 0, not " + disp);
    }

    private static void require(boolean ok, String why) {
        if (!ok) {
            throw new IllegalArgumentException(why);
        }
    }

    /** ModRM's top two bits: 00 no displacement, 01 disp8, 10 disp32 (11 is a register, never an address). */
    public int mod() {
        return modRm >> 6;
    }

    /**
     * The fields with their bits, the way the module README's worked example reads an
     * instruction: {@code REX.X=0 REX.B=1 | ModRM 44 = 01 000 100 | SIB cc = 11 001 100 | disp8 10}.
     */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("REX.X=" + rexX + " REX.B=" + rexB)
                .append(" | ModRM ").append(fields(modRm));
        sib.ifPresent(b -> s.append(" | SIB ").append(fields(b)));
        return switch (dispSize) {
            case 1 -> s.append(" | disp8 ").append(CodeBuffer.hex(new byte[] {(byte) disp}, 0, 1)).toString();
            case 4 -> s.append(" | disp32 ").append(CodeBuffer.hex(littleEndian(disp), 0, 4)).toString();
            default -> s.append(" | no displacement").toString();
        };
    }

    private static String fields(int b) {
        return String.format("%02x = %s %s %s", b, bits(b >> 6, 2), bits(b >> 3 & 7, 3), bits(b & 7, 3));
    }

    private static String bits(int v, int width) {
        String s = Integer.toBinaryString(v);
        return "0".repeat(width - s.length()) + s;
    }

    private static byte[] littleEndian(int v) {
        return new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
