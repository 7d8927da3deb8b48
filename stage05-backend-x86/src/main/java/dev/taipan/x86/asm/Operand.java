package dev.taipan.x86.asm;

/**
 * What an instruction works on: a general-purpose register, an SSE register, a memory location
 * or an immediate. The family is closed, so each instruction form of the {@link Assembler} is one
 * pattern-matching {@code switch} over its operands, and a combination the processor does not
 * have (a memory-to-memory {@code mov}) falls through to a clear error.
 */
public sealed interface Operand permits Reg, Xmm, Mem, Imm {
}
