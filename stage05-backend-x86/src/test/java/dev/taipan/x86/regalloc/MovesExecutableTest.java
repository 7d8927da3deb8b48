package dev.taipan.x86.regalloc;

import static dev.taipan.x86.asm.Imm.imm;
import static dev.taipan.x86.asm.Reg.*;
import static dev.taipan.x86.regalloc.Move.move;
import static org.assertj.core.api.Assertions.assertThat;

import dev.taipan.x86.asm.Assembler;
import dev.taipan.x86.asm.Cond;
import dev.taipan.x86.asm.Label;
import dev.taipan.x86.asm.Operand;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;
import dev.taipan.x86.elf.Executables;
import dev.taipan.x86.link.InputSection;
import dev.taipan.x86.link.Linker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitted moves run on the processor: registers and frame slots are set to known values,
 * integer and float parallel moves with cycles run, and the program checks every location,
 * exiting with 0, or with the number of the first location that holds the wrong value.
 */
class MovesExecutableTest {

    private static final Location SCRATCH = Location.of(R11);
    private static final Location XMM_SCRATCH = Location.of(Xmm.XMM15);

    @TempDir
    Path dir;

    private static Location r(Reg reg) {
        return Location.of(reg);
    }

    private static Location x(int n) {
        return Location.of(new Xmm(n));
    }

    private static Location slot(int offset) {
        return Location.slot(offset);
    }

    private static final List<Move> INTEGER = List.of(
            // a cycle of four registers, one of them also read by r10
            move(r(RDI), r(RSI)), move(r(RSI), r(RDX)), move(r(RDX), r(RCX)), move(r(RCX), r(RDI)),
            move(r(R10), r(RDI)),
            // a cycle through three slots: one slot-to-slot move is left for push/pop
            move(r(RBX), slot(-8)), move(slot(-8), slot(-16)), move(slot(-16), slot(-24)), move(slot(-24), r(RBX)),
            // a register swapped with a slot
            move(r(R12), slot(-32)), move(slot(-32), r(R12)),
            // a chain with a slot-to-slot move (through the scratch)
            move(r(R8), slot(-40)), move(slot(-40), slot(-48)),
            // constants, small and large, into registers and a slot; a self-move
            move(r(R9), Location.constant(0x123456789abcL)), move(slot(-56), Location.constant(0x7edcba9876543210L)),
            move(r(R14), Location.constant(-1)), move(r(R13), r(R13)));

    private static final List<Move> FLOAT = List.of(
            move(x(0), x(1)), move(x(1), x(2)), move(x(2), x(0)), move(x(4), x(0)),
            move(x(3), slot(-64)), move(slot(-64), x(3)),
            move(slot(-72), slot(-80)));

    private static final List<Location> CHECKED_REGISTERS = List.of(r(RAX), r(RBX), r(RCX), r(RDX), r(RSI), r(RDI),
            r(R8), r(R9), r(R10), r(R12), r(R13), r(R14), r(R15));

    private static List<Location> allLocations() {
        var all = new ArrayList<>(CHECKED_REGISTERS);
        for (int i = 0; i <= 4; i++) {
            all.add(x(i));
        }
        for (int off = -8; off >= -80; off -= 8) {
            all.add(slot(off));
        }
        return all;
    }

    /** What every location holds after the moves, by their parallel meaning, from the initial values. */
    private static Map<Location, Long> expected(Map<Location, Long> initial) {
        var after = new LinkedHashMap<>(initial);
        for (Move m : concat(INTEGER, FLOAT)) {
            after.put(m.dst(), m.src() instanceof Location.Const c ? c.value() : initial.get(m.src()));
        }
        return after;
    }

    private static List<Move> concat(List<Move> a, List<Move> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void cyclicMovesRunOnTheProcessor() throws Exception {
        Map<Location, Long> initial = new LinkedHashMap<>();
        int i = 0;
        for (Location l : allLocations()) {
            initial.put(l, 0x1000L + 17L * i++);
        }
        List<Move> integer = ParallelMoves.sequentialize(INTEGER, SCRATCH);
        List<Move> floats = ParallelMoves.sequentialize(FLOAT, XMM_SCRATCH);
        assertThat(integer).as("a push/pop move and a move through the scratch are both exercised")
                .anyMatch(m -> m.dst().isMemory() && m.src().isMemory())
                .contains(move(slot(-40), SCRATCH));

        var asm = new Assembler();
        asm.push(RBP);
        asm.mov(RBP, RSP);
        asm.sub(RSP, imm(128));
        initial.forEach((l, v) -> set(asm, l, v));
        MoveEmitter.emit(asm, integer);
        MoveEmitter.emit(asm, floats);

        // The checks may not disturb what they check, so each failure has its own exit path.
        var failures = new ArrayList<Label>();
        for (var e : expected(initial).entrySet()) {
            failures.add(asm.newLabel("wrong_" + e.getKey()));
            check(asm, e.getKey(), e.getValue(), failures.getLast());
        }
        Label exit = asm.newLabel("exit");
        asm.xor(EDI(), EDI());
        asm.jmp(exit);
        for (int n = 0; n < failures.size(); n++) {
            asm.bind(failures.get(n));
            asm.mov(EDI(), imm(n + 1));
            asm.jmp(exit);
        }
        asm.bind(exit);
        asm.mov(EAX, imm(231));   // exit_group(edi)
        asm.syscall();

        Executables.assumeLinuxX86_64();
        var linked = Linker.link(List.of(InputSection.function("_start", asm.finish())));
        Path exe = Executables.save(dir, "moves", linked.executable("_start"));
        int status = Executables.run(dir, exe.toString()).status();
        assertThat(status).as("0, or the number of the first wrong location in %s", expected(initial).keySet())
                .isZero();
    }

    private static Reg EDI() {
        return RDI.view(Width.DWORD);
    }

    private static void set(Assembler asm, Location l, long v) {
        switch (l) {
            case Location.Fpr f -> {
                asm.mov(R11, imm(v));
                asm.movq(f.xmm(), R11);
            }
            default -> asm.mov(operand(l), imm(v));
        }
    }

    /**
     * cmp location, expected; jne fail. A large expected value goes through r11 (the scratch, free
     * after the moves), an SSE register through rax (checked, hence free, before any of them).
     */
    private static void check(Assembler asm, Location l, long v, Label fail) {
        Operand at = operand(l);
        if (l instanceof Location.Fpr f) {
            asm.movq(RAX, f.xmm());
            at = RAX;
        }
        if (v == (int) v) {
            asm.cmp(at, imm(v));
        } else {
            asm.mov(R11, imm(v));
            asm.cmp(at, R11);
        }
        asm.j(Cond.NE, fail);
    }

    private static Operand operand(Location l) {
        return switch (l) {
            case Location.Gpr g -> g.reg();
            case Location.StackSlot s -> MoveEmitter.word(s);
            case Location.Fpr f -> f.xmm();
            case Location.Const c -> imm(c.value());
        };
    }
}
