package stage05.ex2;

import dev.taipan.x86.regalloc.Location;
import dev.taipan.x86.regalloc.Move;
import dev.taipan.x86.regalloc.ParallelMoveResolver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plausible wrong answer to stage05/ex2 for the self-check: the order is right (a move whose
 * destination nobody reads goes first; what is left are cycles, each broken through the scratch),
 * but it forgets that the x86 moves at most one memory operand. Every slot-to-slot move is left
 * for the emitter's push/pop, even where the scratch is free, and a large constant goes straight
 * into a slot, which no instruction can do. Registers are fine; the memory tests must take
 * points off it.
 */
public final class NaiveParallelMoves implements ParallelMoveResolver {
    @Override
    public List<Move> sequentialize(List<Move> moves, Location scratch) {
        Map<Location, Location> pending = new LinkedHashMap<>();
        for (Move m : moves) {
            if (!m.dst().equals(m.src())) {
                pending.put(m.dst(), m.src());
            }
        }
        List<Move> out = new ArrayList<>();
        while (!pending.isEmpty()) {
            Optional<Location> free = pending.keySet().stream().filter(d -> !pending.containsValue(d)).findFirst();
            if (free.isPresent()) {
                out.add(new Move(free.get(), pending.remove(free.get())));
                continue;
            }
            // Only cycles are left: save one destination, shift the others along, restore.
            Location start = pending.keySet().iterator().next();
            out.add(new Move(scratch, start));
            Location d = start;
            while (true) {
                Location s = pending.remove(d);
                if (s.equals(start)) {
                    out.add(new Move(d, scratch));
                    break;
                }
                out.add(new Move(d, s));
                d = s;
            }
        }
        return out;
    }
}
