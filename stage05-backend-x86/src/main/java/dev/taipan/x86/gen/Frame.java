package dev.taipan.x86.gen;

import static dev.taipan.x86.asm.Reg.R12;
import static dev.taipan.x86.asm.Reg.R13;
import static dev.taipan.x86.asm.Reg.R14;
import static dev.taipan.x86.asm.Reg.R15;
import static dev.taipan.x86.asm.Reg.R8;
import static dev.taipan.x86.asm.Reg.R9;
import static dev.taipan.x86.asm.Reg.RBX;
import static dev.taipan.x86.asm.Reg.RDI;
import static dev.taipan.x86.asm.Reg.RSI;

import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.x86.Exercised;
import dev.taipan.x86.asm.Mem;
import dev.taipan.x86.asm.Reg;
import dev.taipan.x86.asm.Width;
import dev.taipan.x86.asm.Xmm;
import dev.taipan.x86.regalloc.LinearScan;
import dev.taipan.x86.regalloc.Location;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Where each variable of one graph lives, its <em>home</em>, for its whole life: a register
 * the {@link LinearScan} gave it, or a word of the frame.
 *
 * <p><b>The registers.</b> Instruction selection keeps {@code rax}, {@code rcx}, {@code rdx},
 * {@code r10}, {@code r11}, {@code xmm0}, {@code xmm1} and {@code xmm15} as its scratch
 * registers (the ones x86 forces on it: {@code rax:rdx} for division, {@code cl} for shifts;
 * and the moves' scratch); the allocator has the others: {@code rsi, rdi, r8, r9} (caller-saved),
 * {@code rbx, r12..r15} (callee-saved, for values live across calls) and {@code xmm2..xmm14}.
 * {@code rbp} is the frame pointer, so {@code gdb} can walk the stack.
 *
 * <pre>
 *   [rbp + 16 + 8i]   the (i+7)-th integer argument, pushed by the caller
 *   [rbp + 8]         return address
 *   [rbp]             the caller's rbp
 *   [rbp - 8]         the first callee-saved register this function uses, saved
 *   ...
 *   [rbp - 8(k+j)]    the j-th spilled variable
 *   ...               (rsp = rbp - size, size a multiple of 16)
 * </pre>
 */
record Frame(Map<Variable, Location> homes, List<Reg> calleeSaved, int size) {

    static final LinearScan.Registers REGISTERS = new LinearScan.Registers(
            List.of(RSI, RDI, R8, R9).stream().map(r -> (Location) new Location.Gpr(r)).toList(),
            List.of(RBX, R12, R13, R14, R15).stream().map(r -> (Location) new Location.Gpr(r)).toList(),
            IntStream.rangeClosed(2, 14).mapToObj(n -> (Location) new Location.Fpr(new Xmm(n))).toList());

    /** The homes of the variables of {@code ranges}, allocated by linear scan. */
    static Frame allocate(LiveRanges ranges) {
        LinearScan.Result result = LinearScan.allocate(ranges.intervals, REGISTERS, Exercised.SPILL_CHOICE.current());
        Map<Variable, Location> homes = new IdentityHashMap<>();
        List<Reg> saved = new ArrayList<>();
        for (int id = 0; id < ranges.variables.size(); id++) {
            Location reg = result.register(id);
            if (reg instanceof Location.Gpr(Reg r) && REGISTERS.calleeSaved().contains(reg) && !saved.contains(r)) {
                saved.add(r);
            }
            if (reg != null) {
                homes.put(ranges.variables.get(id), reg);
            }
        }
        saved.sort(Comparator.comparingInt(Reg::number));
        int words = saved.size();
        for (int id : result.spilled()) {
            homes.put(ranges.variables.get(id), new Location.StackSlot(-8 * ++words));
        }
        return new Frame(homes, saved, (words * 8 + 15) & ~15);
    }

    /** Where {@code v} lives; null for a variable that holds no bits ({@code Void}, or a comparison fused into its branch). */
    Location home(Variable v) {
        return homes.get(v);
    }

    /** Whether some variable lives in a frame word (then the frame has {@code rbp}, and the words their fixed addresses). */
    boolean hasSlots() {
        return homes.values().stream().anyMatch(l -> l instanceof Location.StackSlot);
    }

    /** The frame word where the k-th saved callee-saved register is kept (in a frame with {@code rbp}). */
    Mem savedSlot(int k) {
        return Mem.at(Width.QWORD, Reg.RBP, -8 * (k + 1));
    }
}
