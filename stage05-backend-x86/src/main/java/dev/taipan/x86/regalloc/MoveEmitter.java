package dev.taipan.x86.regalloc;

import static dev.taipan.x86.asm.Imm.imm;

import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.regalloc.Location.Const;
import dev.taipan.x86.regalloc.Location.Fpr;
import dev.taipan.x86.regalloc.Location.Gpr;
import dev.taipan.x86.regalloc.Location.StackSlot;
import java.util.List;

/**
 * Sequentialized moves ({@link ParallelMoveResolver#sequentialize}) as instructions: each move is one
 * {@code mov} or {@code movsd}, except a slot-to-slot move inside a cycle, which is
 * {@code push [src]; pop [dst]} (the scratch being busy then). No move changes the flags, so the
 * moves of a block's exit can sit between a compare and its branch.
 */
public final class MoveEmitter {

    private MoveEmitter() {
    }

    public static void emit(Assembler asm, List<Move> moves) {
        moves.forEach(m -> emit(asm, m));
    }

    public static void emit(Assembler asm, Move m) {
        switch (m) {
            case Move(Gpr d, Gpr s) -> asm.mov(d.reg(), s.reg());
            case Move(Gpr d, StackSlot s) -> asm.mov(d.reg(), word(s));
            case Move(StackSlot d, Gpr s) -> asm.mov(word(d), s.reg());
            case Move(Gpr d, Const c) -> asm.mov(d.reg(), imm(c.value()));
            case Move(StackSlot d, Const c) when c.value() == (int) c.value() -> asm.mov(word(d), imm(c.value()));
            case Move(Fpr d, Fpr s) -> asm.movsd(d.xmm(), s.xmm());
            case Move(Fpr d, StackSlot s) -> asm.movsd(d.xmm(), word(s));
            case Move(StackSlot d, Fpr s) -> asm.movsd(word(d), s.xmm());
            case Move(StackSlot d, StackSlot s) -> {
                asm.push(word(s));
                asm.pop(word(d));
            }
            default -> throw new IllegalArgumentException("not one move the x86 can make: " + m
                    + " (sequentialize the moves first)");
        }
    }

    /** A slot's word, {@code qword ptr [rbp + offset]}. */
    static Mem word(StackSlot slot) {
        return Mem.at(Width.QWORD, Reg.RBP, slot.offset());
    }
}
