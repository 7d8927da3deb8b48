package dev.taipan.x86.regalloc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Linear-scan register allocation (Poletto and Sarkar, "Linear Scan Register Allocation", TOPLAS
 * 1999; PyPy's JIT backend allocates a trace the same way, in one pass, {@code regalloc.py}).
 *
 * <p><b>The idea.</b> Number the program points of a function in one linear order. Each value is
 * live over an {@link Interval} of those numbers, from its definition to its last use. Walk the
 * intervals by increasing start, keeping the <em>active</em> ones (those that hold a register
 * and have not ended yet). At each new interval, first retire the active ones that ended before
 * it starts, which frees their registers; then give it a free register of its class. When none
 * is free, one value must live in memory instead: the {@link SpillChoice} decides which, the new
 * interval or one of the active ones (the classic answer: whichever ends last, since it would
 * hold its register the longest). A graph colouring allocator finds better allocations; linear
 * scan is one pass over sorted intervals, fast enough for a JIT, and close on code of this kind.
 *
 * <p><b>Calls.</b> A call destroys the caller-saved registers. An interval that is live
 * across a call ({@link Interval#acrossCall}) gets only a callee-saved register, which the
 * function saves once in its prologue, or a slot. The others prefer caller-saved registers,
 * which cost nothing to use.
 *
 * <p><b>Hints.</b> An interval may name <em>partners</em>, intervals whose register it would like
 * to share (the value a jump passes it, the operand an instruction overwrites), and fixed
 * registers it would like (the argument register a call wants it in): taken when free, they
 * make moves disappear ({@code mov rbx, rbx} is no move).
 */
public final class LinearScan {

    /** The two register files: general-purpose and SSE. */
    public enum RegClass { INT, FLOAT }

    /**
     * One value's life, {@code [start, end]} inclusive, in the function's numbering. {@code id}
     * names the value for the caller.
     */
    public record Interval(int id, int start, int end, RegClass kind, boolean acrossCall,
                           List<Integer> partners, List<Location> hints) {
        public Interval {
            if (end < start) {
                throw new IllegalArgumentException("interval " + id + " ends (" + end + ") before it starts (" + start + ")");
            }
            partners = List.copyOf(partners);
            hints = List.copyOf(hints);
        }

        /** An interval with no preferences. */
        public Interval(int id, int start, int end, RegClass kind, boolean acrossCall) {
            this(id, start, end, kind, acrossCall, List.of(), List.of());
        }
    }

    /**
     * The registers to allocate, in order of preference: caller-saved ones (free to use, lost
     * at calls), callee-saved ones (kept across calls, saved once by the function), and SSE
     * registers (all caller-saved in System V).
     */
    public record Registers(List<Location> callerSaved, List<Location> calleeSaved, List<Location> floats) {
        public Registers {
            callerSaved = List.copyOf(callerSaved);
            calleeSaved = List.copyOf(calleeSaved);
            floats = List.copyOf(floats);
        }

        /** The registers {@code it} may have, best first. */
        List<Location> candidates(Interval it) {
            if (it.kind() == RegClass.FLOAT) {
                return it.acrossCall() ? List.of() : floats;
            }
            if (it.acrossCall()) {
                return calleeSaved;
            }
            List<Location> all = new ArrayList<>(callerSaved);
            all.addAll(calleeSaved);
            return all;
        }
    }

    /**
     * Which value goes to memory when {@code current} finds no free register: {@code current}
     * itself, or one of {@code rivals}, the active intervals whose register {@code current} could
     * take (never empty, in no particular order: every one is alive where {@code current} starts).
     * The register of the loser goes to {@code current} (when it is a rival). The backend takes
     * the current choice once per function ({@link dev.taipan.x86.Exercised#SPILL_CHOICE}), so
     * a student's choice allocates every translated program when an exercise names one.
     */
    public interface SpillChoice {
        Interval choose(Interval current, List<Interval> rivals);

        /** Poletto and Sarkar's rule: spill the interval that ends last. */
        SpillChoice FURTHEST_END = (current, rivals) -> {
            Interval furthest = current;
            for (Interval r : rivals) {
                if (r.end() > furthest.end()) {
                    furthest = r;
                }
            }
            return furthest;
        };
    }

    /** Where each interval lives: a register, or in memory (its id in {@code spilled}) for its whole life. */
    public record Result(Map<Integer, Location> registers, List<Integer> spilled) {
        /** The register of interval {@code id}, or null when it lives in memory. */
        public Location register(int id) {
            return registers.get(id);
        }
    }

    private final Registers registers;
    private final SpillChoice spillChoice;
    private final Map<Integer, Location> assigned = new HashMap<>();
    private final List<Integer> spilled = new ArrayList<>();
    /** Intervals holding a register, by increasing end. */
    private final List<Interval> active = new ArrayList<>();

    private LinearScan(Registers registers, SpillChoice spillChoice) {
        this.registers = registers;
        this.spillChoice = spillChoice;
    }

    public static Result allocate(List<Interval> intervals, Registers registers, SpillChoice spillChoice) {
        LinearScan scan = new LinearScan(registers, spillChoice);
        List<Interval> sorted = new ArrayList<>(intervals);
        sorted.sort(Comparator.comparingInt(Interval::start).thenComparingInt(Interval::id));
        for (Interval it : sorted) {
            scan.expireBefore(it.start());
            scan.allocate(it);
        }
        return new Result(scan.assigned, scan.spilled);
    }

    private void expireBefore(int position) {
        active.removeIf(a -> a.end() < position);
    }

    private void allocate(Interval it) {
        List<Location> candidates = registers.candidates(it);
        if (candidates.isEmpty()) {
            spilled.add(it.id());
            return;
        }
        Location free = free(it, candidates);
        if (free != null) {
            take(it, free);
            return;
        }
        List<Interval> rivals = active.stream().filter(a -> candidates.contains(assigned.get(a.id()))).toList();
        Interval loser = spillChoice.choose(it, rivals);
        if (loser == it) {
            spilled.add(it.id());
            return;
        }
        if (!rivals.contains(loser)) {
            throw new IllegalStateException("the spill choice chose " + loser + ", neither the interval nor a rival");
        }
        Location reg = assigned.remove(loser.id());
        active.remove(loser);
        spilled.add(loser.id());
        take(it, reg);
    }

    /** A partner's register if one is free, else a hinted one, else the first free candidate, else null. */
    private Location free(Interval it, List<Location> candidates) {
        for (int partner : it.partners()) {
            Location reg = assigned.get(partner);
            if (reg != null && candidates.contains(reg) && isFree(reg)) {
                return reg;
            }
        }
        for (Location hint : it.hints()) {
            if (candidates.contains(hint) && isFree(hint)) {
                return hint;
            }
        }
        for (Location reg : candidates) {
            if (isFree(reg)) {
                return reg;
            }
        }
        return null;
    }

    private boolean isFree(Location reg) {
        for (Interval a : active) {
            if (reg.equals(assigned.get(a.id()))) {
                return false;
            }
        }
        return true;
    }

    private void take(Interval it, Location reg) {
        assigned.put(it.id(), reg);
        int at = 0;
        while (at < active.size() && active.get(at).end() <= it.end()) {
            at++;
        }
        active.add(at, it);
    }
}
