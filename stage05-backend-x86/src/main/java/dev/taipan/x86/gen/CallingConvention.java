package dev.taipan.x86.gen;

import static dev.taipan.x86.asm.Reg.RCX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;
import static dev.taipan.x86.asm.Reg.R8;
import static dev.taipan.x86.asm.Reg.R9;

import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Xmm;
import dev.taipan.x86.regalloc.Location;
import java.util.ArrayList;
import java.util.List;

/**
 * Where System V passes arguments: the first six words in {@code rdi, rsi, rdx, rcx, r8, r9},
 * the first eight doubles in {@code xmm0..xmm7}, each class counted apart, the rest on the
 * stack; {@code Void} values (known at translation time) are not passed at all. One rule for
 * the callee's prologue, for every call, and for the allocator's hints.
 */
final class CallingConvention {

    static final List<Reg> INT_ARGS = List.of(RDI, RSI, RDX, RCX, R8, R9);
    static final int FLOAT_ARGS = 8;

    private CallingConvention() {
    }

    /** For each type, its argument register, or null when it goes on the stack or is {@code Void}. */
    static List<Location> registers(List<LowLevelType> types) {
        List<Location> out = new ArrayList<>();
        int ints = 0;
        int floats = 0;
        for (LowLevelType t : types) {
            if (t == Primitive.VOID) {
                out.add(null);
            } else if (t == Primitive.FLOAT) {
                out.add(floats < FLOAT_ARGS ? new Location.Fpr(new Xmm(floats++)) : null);
            } else {
                out.add(ints < INT_ARGS.size() ? new Location.Gpr(INT_ARGS.get(ints++)) : null);
            }
        }
        return out;
    }
}
