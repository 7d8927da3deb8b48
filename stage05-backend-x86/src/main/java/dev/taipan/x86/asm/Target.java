package dev.taipan.x86.asm;

/**
 * Where a jump, a call or a RIP-relative operand points: a {@link Label} in the code being
 * assembled (patched by the assembler once it is bound), a {@link Symbol} outside it (left as a
 * {@link Relocation} for the ELF writer or the loader), or a raw displacement counted from the
 * end of the instruction, as the processor counts it.
 */
public sealed interface Target permits Label, Symbol, Target.Relative {

    /** A displacement from the end of the instruction, already known. */
    record Relative(int disp) implements Target {
        @Override
        public String toString() {
            return Integer.toString(disp);
        }
    }

    static Target relative(int disp) {
        return new Relative(disp);
    }
}
