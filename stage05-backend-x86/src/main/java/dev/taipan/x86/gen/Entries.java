package dev.taipan.x86.gen;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.EAX;
import static dev.taipan.x86.asm.Reg.RAX;
import static dev.taipan.x86.asm.Reg.RBP;
import static dev.taipan.x86.asm.Reg.RBX;
import static dev.taipan.x86.asm.Reg.RCX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RDX;
import static dev.taipan.x86.asm.Reg.RSI;
import static dev.taipan.x86.asm.Reg.RSP;
import static dev.taipan.x86.asm.Reg.R10;
import static dev.taipan.x86.asm.Reg.R11;
import static dev.taipan.x86.asm.Reg.R12;
import static dev.taipan.x86.asm.Reg.R13;
import static dev.taipan.x86.asm.Reg.R14;
import static dev.taipan.x86.asm.Reg.R15;
import static dev.taipan.x86.asm.Reg.R8;
import static dev.taipan.x86.asm.Reg.R9;

import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Cond;
import dev.taipan.x86.asm.Label;
import dev.taipan.x86.asm.MachineCode;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Symbol;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;
import dev.taipan.x86.link.InputSection;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * The two ways into a translated program, and the one way out, so that the same image runs as a
 * process of its own and inside the JVM.
 *
 * <p><b>As a process</b>, the kernel jumps to {@code _start}: {@code argc} at {@code [rsp]}, the
 * {@code argv} pointers after it; {@code _start} calls {@code main} and ends through
 * {@code rt_exit}, which flushes standard output and makes the {@code exit_group} system call.
 *
 * <p><b>Inside the JVM</b> ({@link dev.taipan.x86.load.NativeImage}), a downcall enters
 * {@code rt_enter(fn, block, budget)}, an ordinary System V function. It saves every register
 * the caller expects kept ({@code rbx, rbp, r12-r15}: HotSpot keeps its heap base in {@code r12}
 * and its current thread in {@code r15}), records the stack pointer as the point to unwind to,
 * sets the stack limit {@code budget} bytes below it, loads the arguments from {@code block} (six
 * words, then eight doubles), calls {@code fn}, and stores its results ({@code rax} into the
 * first word, {@code xmm0} into the seventh). It returns 0. A program that ends early
 * ({@code debug_assert}, or anything that calls {@code rt_exit}) must not end the JVM: while an
 * {@code rt_enter} is active {@code rt_exit} unwinds to it instead, restoring the saved registers,
 * and {@code rt_enter} returns {@code 256 + status}.
 *
 * <p><b>File descriptors 0, 1, 2</b> are looked up in {@code rt_fds} at every system call on
 * them, which the in-process loader points at pipes: the JVM's own standard streams are never
 * written by the program.
 */
public final class Entries {
    public static final String START = "_start";
    public static final String ENTER = "rt_enter";
    public static final String EXIT = "rt_exit";
    /** The three descriptors a program calls 0, 1, 2, as the kernel knows them: a word each. */
    public static final String FDS = "rt_fds";
    /** The stack pointer {@code rt_exit} unwinds to, or 0 when no {@code rt_enter} is active. */
    public static final String EXIT_RSP = "rt_exit_rsp";
    /** The status {@code rt_enter} adds to an exit's, so that it tells an exit from a return. */
    public static final int EXITED = 256;
    public static final int BLOCK_WORDS = 6;
    public static final int BLOCK_DOUBLES = 8;

    /** What {@code rt_enter} saves, in push order; {@code rt_exit} pops them in reverse. */
    private static final List<Reg> SAVED = List.of(RBX, R12, R13, R14, R15);

    private Entries() {
    }

    static List<InputSection> sections(String main) {
        ByteBuffer fds = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(0).putLong(1).putLong(2);
        return List.of(
                InputSection.function(START, start(main)),
                InputSection.function(ENTER, enter()),
                InputSection.function(EXIT, exit()),
                InputSection.data(FDS, fds.array(), 8, List.of()),
                InputSection.bss(EXIT_RSP, 8, 8));
    }

    /**
     * {@code _start}: {@code main(argc, raw_argv)} with the stack aligned and the stack limit
     * recorded; {@code main}'s result is the exit status, unless an exception is pending, which
     * is reported and gives status 1.
     */
    private static MachineCode start(String main) {
        Assembler a = new Assembler();
        a.mov(RDI, Mem.at(Width.QWORD, RSP, 0));
        a.lea(RSI, Mem.at(Width.QWORD, RSP, 8));
        a.mov(RAX, RSP);
        a.mov(RCX, imm(Runtime.STACK_BUDGET));
        a.sub(RAX, RCX);
        a.mov(rip(Runtime.STACK_LIMIT), RAX);
        a.and(RSP, imm(-16));
        a.call(Symbol.symbol(main));
        a.mov(RDI, RAX);
        a.call(Symbol.symbol(Runtime.REPORT_PENDING));
        a.mov(RDI, RAX);
        a.jmp(Symbol.symbol(EXIT));
        return a.finish();
    }

    /** {@code rt_enter(fn, block, budget)}, as the class comment says. */
    private static MachineCode enter() {
        Assembler a = new Assembler();
        a.push(RBP);
        a.mov(RBP, RSP);
        for (Reg r : SAVED) {
            a.push(r);
        }
        a.push(RSI);   // the block, and rsp aligned again for the call: seven words pushed after the return address
        a.mov(rip(EXIT_RSP), RSP);
        a.mov(RAX, RSP);
        a.sub(RAX, RDX);
        a.mov(rip(Runtime.STACK_LIMIT), RAX);
        a.mov(R11, RDI);
        a.mov(R10, RSI);
        for (int i = 0; i < BLOCK_DOUBLES; i++) {
            a.movsd(new Xmm(i), Mem.at(Width.QWORD, R10, 8 * (BLOCK_WORDS + i)));
        }
        List<Reg> words = List.of(RDI, RSI, RDX, RCX, R8, R9);
        for (int i = 0; i < BLOCK_WORDS; i++) {
            a.mov(words.get(i), Mem.at(Width.QWORD, R10, 8 * i));
        }
        a.call(R11);
        a.mov(R10, Mem.at(Width.QWORD, RSP, 0));
        a.mov(Mem.at(Width.QWORD, R10, 0), RAX);
        a.movsd(Mem.at(Width.QWORD, R10, 8 * BLOCK_WORDS), new Xmm(0));
        a.call(Symbol.symbol(Runtime.FLUSH_STDOUT));
        a.xor(EAX, EAX);
        leave(a);
        return a.finish();
    }

    /**
     * {@code rt_exit(status)}: standard output flushed, then either back to the active
     * {@code rt_enter} with {@code 256 + (status & 0xff)}, or the process ends.
     */
    private static MachineCode exit() {
        Assembler a = new Assembler();
        a.mov(RBX.view(Width.DWORD), RDI.view(Width.DWORD));   // callee-saved: rt_flush_stdout keeps it
        a.call(Symbol.symbol(Runtime.FLUSH_STDOUT));
        a.mov(RAX, rip(EXIT_RSP));
        a.test(RAX, RAX);
        Label process = a.newLabel("process");
        a.j(Cond.E, process);
        a.mov(RSP, RAX);
        a.movzx(EAX, RBX.view(Width.BYTE));
        a.add(EAX, imm(EXITED));
        leave(a);
        a.bind(process);
        a.mov(RDI.view(Width.DWORD), RBX.view(Width.DWORD));
        a.mov(EAX, imm(Runtime.SYS_EXIT_GROUP));
        a.syscall();
        a.ud2();
        return a.finish();
    }

    /** From the block's word on top of the stack: no active entry, the saved registers back, return. */
    private static void leave(Assembler a) {
        a.mov(rip(EXIT_RSP), imm(0));
        a.pop(RCX);
        for (Reg r : SAVED.reversed()) {
            a.pop(r);
        }
        a.pop(RBP);
        a.ret();
    }

    private static Mem rip(String symbol) {
        return new Mem.Rip(Width.QWORD, Symbol.symbol(symbol));
    }
}
