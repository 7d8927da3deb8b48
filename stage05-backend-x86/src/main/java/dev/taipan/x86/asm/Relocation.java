package dev.taipan.x86.asm;

/**
 * A hole in the code that only the linker or loader can fill: at {@code offset}, write the
 * address of {@code symbol} plus {@code addend}, computed as {@code kind} says. The kinds and
 * their meaning are ELF's ({@code R_X86_64_*}), so the ELF writer copies them as they are, and
 * the addend already includes what a PC-relative field needs: the processor adds a displacement
 * to the address of the <em>next</em> instruction, which lies 4 bytes (plus any immediate) past
 * the start of the field, hence an addend of {@code -4} for a plain {@code call foo}.
 */
public record Relocation(int offset, Kind kind, String symbol, long addend) {

    public enum Kind {
        /** 64-bit absolute address ({@code movabs rax, offset foo}): S + A. */
        ABS64(1, 8),
        /** 32-bit PC-relative ({@code [rip + foo]}): S + A - P. */
        PC32(2, 4),
        /** A call or jump to a function: S + A - P in a static executable, which has no PLT. */
        PLT32(4, 4);

        private final int elfType;
        private final int size;

        Kind(int elfType, int size) {
            this.elfType = elfType;
            this.size = size;
        }

        /** The {@code R_X86_64_*} number of the ELF x86-64 psABI. */
        public int elfType() {
            return elfType;
        }

        /** How many bytes of code the relocation writes. */
        public int size() {
            return size;
        }
    }
}
