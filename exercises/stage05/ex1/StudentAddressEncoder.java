package stage05.ex1;

import dev.taipan.x86.asm.AddressEncoder;
import dev.taipan.x86.asm.Addressing;
import dev.taipan.x86.asm.Mem;

/**
 * Exercise stage05/ex1: a memory operand's REX.X and REX.B bits, ModRM, SIB and displacement.
 * The task is in README.md next to this file; {@code ./taipan grade stage05/ex1} grades this
 * class, and {@code ./taipan --use-student stage05/ex1 exec --stage=x86 prog.py} runs a program
 * whose every instruction that touches memory was encoded by it.
 */
public final class StudentAddressEncoder implements AddressEncoder {

    @Override
    public Addressing encode(int reg, Mem m) {
        // TODO: the fields of [base + index*scale + disp] (either part may be missing) and of
        // [rip + disp32], with ModRM.reg = reg: the general forms first, then the escapes of
        // rsp/r12 and rbp/r13 and the index with no base (README.md, "The task").
        throw new UnsupportedOperationException("TODO: stage05/ex1 is not done yet");
    }
}
