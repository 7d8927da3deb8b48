package dev.taipan.x86.regalloc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Block arguments as moves that happen "at once", made sequential. A jump to a block whose input
 * variables live in other places than the jump's arguments is a <em>parallel move</em>:
 * {@code dst_i := src_i} for all i together, every destination distinct, every source read
 * before any destination is written. The machine moves one word at a time, so the moves must be
 * put in an order in which no move overwrites a value a later move still reads. This is PyPy's
 * {@code remap_frame_layout} ({@code rpython/jit/backend/x86/jump.py}).
 *
 * <p><b>The order.</b> Count, for every destination, how many pending moves still read it. A
 * move whose destination nobody reads any more can go now; doing it releases its source, which
 * may let another move go. When no move can go, every pending move is on a <em>cycle</em>
 * ({@code rax := rbx, rbx := rax}): each destination is read by exactly one other pending move.
 * A cycle is broken with the scratch register: save one member ({@code scratch := d0}), shift the
 * others along ({@code d0 := d1, d1 := d2, ...}), and give the last one the saved value. So a
 * block's n moves take at most n plus one per cycle ({@link #order}).
 *
 * <p><b>Memory.</b> An x86 {@code mov} has at most one memory operand. A move from a slot to a
 * slot outside a cycle goes through the scratch register, which is free then ({@link #lower}).
 * Inside a cycle the scratch holds the saved value, so the cycle is broken between two slots when
 * it has such a pair (that pair's move is the one that goes through the scratch), and any further
 * slot-to-slot move of the same cycle, rare in practice, is left as it is: the emitter makes it
 * {@code push [src]; pop [dst]}, the machine stack being the one free place (the way PyPy does
 * memory-to-memory moves when it has no temporary register). A constant too large for a 32-bit
 * immediate goes into a slot through the scratch as well.
 *
 * <p><b>Two classes, two problems.</b> General-purpose and SSE registers never exchange values
 * here, so a block's integer moves and its float moves are sequentialized apart, each with a
 * scratch of its own class; their slots must be distinct (a frame word holds one variable).
 */
public final class ParallelMoves {

    private ParallelMoves() {
    }

    /** The reference resolver: the moves {@link #order}ed, then {@link #lower}ed to one instruction each. */
    public static List<Move> remapFrameLayout(List<Move> moves, Location scratch) {
        return lower(order(moves, scratch), scratch);
    }

    /**
     * The moves in an order that gives every destination its source's old value, self-moves
     * dropped, cycles broken through {@code scratch}: at most n + (number of cycles) moves. Moves
     * from memory to memory are still one move each here.
     */
    public static List<Move> order(List<Move> moves, Location scratch) {
        check(moves, scratch);
        // Pending moves by destination, in the given order, so that the result is deterministic.
        Map<Location, Location> pending = new LinkedHashMap<>();
        for (Move m : moves) {
            if (!m.dst().equals(m.src())) {
                pending.put(m.dst(), m.src());
            }
        }
        Map<Location, Integer> readers = new HashMap<>();
        pending.keySet().forEach(d -> readers.put(d, 0));
        pending.values().forEach(s -> readers.computeIfPresent(s, (k, n) -> n + 1));

        var out = new ArrayList<Move>();
        boolean progress = true;
        while (progress) {
            progress = false;
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                if (readers.get(e.getKey()) == 0) {
                    out.add(new Move(e.getKey(), e.getValue()));
                    readers.computeIfPresent(e.getValue(), (k, n) -> n - 1);
                    it.remove();
                    progress = true;
                }
            }
        }
        // Only disjoint simple cycles are left: each pending destination is read exactly once.
        while (!pending.isEmpty()) {
            List<Location> cycle = cycleFrom(pending.keySet().iterator().next(), pending);
            cycle.forEach(pending::remove);
            breakCycle(rotateToMemoryPair(cycle), scratch, out);
        }
        return out;
    }

    /** {@code [d0, d1, ...]} with {@code d_i := d_(i+1)} and the last one reading {@code d0}. */
    private static List<Location> cycleFrom(Location start, Map<Location, Location> pending) {
        var cycle = new ArrayList<Location>();
        Location d = start;
        do {
            cycle.add(d);
            d = pending.get(d);
        } while (!d.equals(start));
        return cycle;
    }

    /**
     * Starts the cycle where its last member and its first are both slots, if they can be: the
     * move between them, {@code last := first}, is the one that goes through the scratch.
     */
    private static List<Location> rotateToMemoryPair(List<Location> cycle) {
        int k = cycle.size();
        for (int b = 0; b < k; b++) {
            if (cycle.get(b).isMemory() && cycle.get((b + k - 1) % k).isMemory()) {
                var rotated = new ArrayList<>(cycle.subList(b, k));
                rotated.addAll(cycle.subList(0, b));
                return rotated;
            }
        }
        return cycle;
    }

    private static void breakCycle(List<Location> cycle, Location scratch, List<Move> out) {
        out.add(new Move(scratch, cycle.getFirst()));
        for (int i = 0; i + 1 < cycle.size(); i++) {
            out.add(new Move(cycle.get(i), cycle.get(i + 1)));
        }
        out.add(new Move(cycle.getLast(), scratch));
    }

    /**
     * Splits what one instruction cannot do: a slot-to-slot move, and a large constant into a
     * slot, go through {@code scratch} wherever it holds nothing (outside a cycle's break);
     * a slot-to-slot move while it is busy stays, for the emitter's {@code push}/{@code pop}.
     */
    static List<Move> lower(List<Move> ordered, Location scratch) {
        var out = new ArrayList<Move>();
        boolean scratchBusy = false;
        for (Move m : ordered) {
            boolean throughScratch = !scratchBusy && m.dst().isMemory()
                    && (m.src().isMemory() || m.src() instanceof Location.Const c && c.value() != (int) c.value());
            if (throughScratch) {
                out.add(new Move(scratch, m.src()));
                out.add(new Move(m.dst(), scratch));
            } else {
                out.add(m);
            }
            if (m.dst().equals(scratch)) {
                scratchBusy = true;
            } else if (m.src().equals(scratch)) {
                scratchBusy = false;
            }
        }
        return out;
    }

    private static void check(List<Move> moves, Location scratch) {
        if (!scratch.isRegister()) {
            throw new IllegalArgumentException("the scratch must be a register, not " + scratch);
        }
        Set<Location> dsts = new HashSet<>();
        for (Move m : moves) {
            if (!dsts.add(m.dst())) {
                throw new IllegalArgumentException("two moves write " + m.dst() + ": a parallel move writes each place once");
            }
            for (Location l : List.of(m.dst(), m.src())) {
                if (l.equals(scratch)) {
                    throw new IllegalArgumentException("the scratch " + scratch + " cannot take part in the moves: " + m);
                }
                if (l.isRegister() && l.getClass() != scratch.getClass()) {
                    throw new IllegalArgumentException(m + " mixes register classes with the scratch " + scratch
                            + ": sequentialize integer and float moves apart");
                }
            }
            if (scratch instanceof Location.Fpr && m.src() instanceof Location.Const) {
                throw new IllegalArgumentException(m + ": a float constant is not an immediate; load it from .rodata");
            }
        }
    }
}
