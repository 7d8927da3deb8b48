package dev.taipan.x86.link;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.EAX;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;

import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.MachineCode;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import java.util.function.Consumer;

/** Small functions of the linker's test programs, written with the {@link Assembler}. */
final class Programs {

    static final int WRITE = 1;
    static final int EXIT_GROUP = 231;

    private Programs() {
    }

    static MachineCode assemble(Consumer<Assembler> body) {
        var asm = new Assembler();
        body.accept(asm);
        return asm.finish();
    }

    /** {@code add(a, b)}: System V passes a in rdi, b in rsi, and returns in rax. */
    static MachineCode add() {
        return assemble(asm -> {
            asm.lea(RAX, Mem.at(Width.QWORD, RDI, RSI, 1, 0));
            asm.ret();
        });
    }

    /** exit_group(rdi). */
    static void exitWithRdi(Assembler asm) {
        asm.mov(EAX, imm(EXIT_GROUP));
        asm.syscall();
    }

    /** write(1, rsi, rdx). */
    static void writeStdout(Assembler asm) {
        asm.mov(EAX, imm(WRITE));
        asm.mov(RDI.view(Width.DWORD), imm(1));
        asm.syscall();
    }

    /** {@code print(message, length)}: the string's address RIP-relative, an R_X86_64_PC32 to {@code message}. */
    static MachineCode printMessage(String message, int length) {
        return assemble(asm -> {
            asm.lea(RSI, Mem.rip(Width.QWORD, Symbol.symbol(message)));
            asm.mov(RDX.view(Width.DWORD), imm(length));
            writeStdout(asm);
            asm.ret();
        });
    }
}
