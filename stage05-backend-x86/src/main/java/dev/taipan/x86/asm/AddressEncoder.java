package dev.taipan.x86.asm;

/**
 * How a memory operand is written into an instruction: the part of the encoder that knows the
 * addressing forms of ModRM and SIB and their escapes. The reference is {@link ModRmSibEncoder};
 * every {@link Assembler} asks the current one once, when it is made (see
 * {@link dev.taipan.x86.Exercised#ADDRESS_ENCODING}), so that the whole backend (the functions,
 * the runtime, the tests against GNU {@code as}) writes its addresses with a student's encoder
 * when an exercise names one. The rest of the instruction (prefixes, REX.W and REX.R, the opcode,
 * a register-direct operand, the immediate) stays the {@link Emitter}'s.
 */
@FunctionalInterface
public interface AddressEncoder {
    /**
     * The fields of memory operand {@code m} in an instruction whose ModRM.reg field is
     * {@code reg} (0 to 7: the register operand's low three bits, or the opcode extension; its
     * fourth bit is REX.R, which the emitter sets).
     */
    Addressing encode(int reg, Mem m);
}
