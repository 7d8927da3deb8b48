package dev.taipan.x86.regalloc;

import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;

/**
 * Where a value lives between instructions, PyPy's {@code regloc}: a general-purpose register, an
 * SSE register, a word of the frame, or (as a source only) a constant. Two locations are the same
 * place exactly when they are equal, which is what the parallel-move algorithm counts on; that is
 * why registers are always seen at 64 bits and a slot is named by its offset alone.
 */
public sealed interface Location permits Location.Gpr, Location.Fpr, Location.StackSlot, Location.Const {

    /** A general-purpose register, at its full 64 bits. */
    record Gpr(Reg reg) implements Location {
        public Gpr {
            if (reg.width() != Width.QWORD) {
                throw new IllegalArgumentException("a location holds a whole register, not " + reg);
            }
        }

        @Override
        public String toString() {
            return reg.toString();
        }
    }

    /** An SSE register holding a scalar double (its low 64 bits). */
    record Fpr(Xmm xmm) implements Location {
        @Override
        public String toString() {
            return xmm.toString();
        }
    }

    /**
     * A word of the current frame, {@code [rbp + offset]}: frame-pointer based, as PyPy's frame
     * locations are, so its address does not move when the code pushes.
     */
    record StackSlot(int offset) implements Location {
        @Override
        public String toString() {
            return "[rbp" + (offset < 0 ? "" : "+") + offset + "]";
        }
    }

    /** A constant: a move's source, never its destination. */
    record Const(long value) implements Location {
        @Override
        public String toString() {
            return "$" + value;
        }
    }

    static Location of(Reg reg) {
        return new Gpr(reg);
    }

    static Location of(Xmm xmm) {
        return new Fpr(xmm);
    }

    static Location slot(int offset) {
        return new StackSlot(offset);
    }

    static Location constant(long value) {
        return new Const(value);
    }

    /** In memory: the x86 cannot move from one memory location to another in one {@code mov}. */
    default boolean isMemory() {
        return this instanceof StackSlot;
    }

    default boolean isRegister() {
        return this instanceof Gpr || this instanceof Fpr;
    }
}
