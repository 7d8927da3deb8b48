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
        List<Integer> slots = sharedSlots(ranges, result.spilled());
        for (int k = 0; k < slots.size(); k++) {
            int word = words + slots.get(k) + 1;
            homes.put(ranges.variables.get(result.spilled().get(k)), new Location.StackSlot(-8 * word));
        }
        words += slots.stream().mapToInt(n -> n + 1).max().orElse(0);
        return new Frame(homes, saved, (words * 8 + 15) & ~15);
    }

    /**
     * For each spilled interval, the number of its frame word. Words are shared by intervals
     * that do not overlap (every interval lies in one block, so most do not), and an interval
     * takes its partner's word when it can: a link argument and the target's input variable
     * in the same word make the link's move {@code mov word, word}, which is no move at all.
     * Without this, a large function (the dict workload's, with its loops inlined into it) moved
     * every spilled block argument from one frame word to another through {@code r11} on each
     * link. Intervals by increasing start, as the scan; a word is free for an interval when all
     * those already in it ended before it starts, and held only words or only doubles: a link's
     * word moves and double moves are sequentialized apart, so a double read from a word that
     * the same link's word moves write would be read too late.
     */
    private static List<Integer> sharedSlots(LiveRanges ranges, List<Integer> spilled) {
        Map<Integer, LinearScan.Interval> byId = new java.util.HashMap<>();
        for (LinearScan.Interval it : ranges.intervals) {
            byId.put(it.id(), it);
        }
        List<Integer> byStart = new ArrayList<>(spilled);
        byStart.sort(Comparator.comparingInt(id -> byId.get(id).start()));
        List<Integer> endOf = new ArrayList<>();            // per word: the last end of the intervals in it
        List<LinearScan.RegClass> kindOf = new ArrayList<>();  // per word: words or doubles
        Map<Integer, Integer> wordOf = new java.util.HashMap<>();
        for (int id : byStart) {
            LinearScan.Interval it = byId.get(id);
            Integer word = null;
            for (int partner : it.partners()) {
                Integer w = wordOf.get(partner);
                if (w != null && endOf.get(w) < it.start() && kindOf.get(w) == it.kind()) {
                    word = w;
                    break;
                }
            }
            for (int w = 0; word == null && w < endOf.size(); w++) {
                if (endOf.get(w) < it.start() && kindOf.get(w) == it.kind()) {
                    word = w;
                }
            }
            if (word == null) {
                word = endOf.size();
                endOf.add(it.end());
                kindOf.add(it.kind());
            }
            endOf.set(word, Math.max(endOf.get(word), it.end()));
            wordOf.put(id, word);
        }
        return spilled.stream().map(wordOf::get).toList();
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
