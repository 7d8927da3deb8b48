package dev.taipan.x86.regalloc;

import dev.taipan.x86.asm.Assembler;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The oracle for sequentialized moves: a machine of locations holding words, that runs moves one
 * at a time (a slot-to-slot move, push/pop on the real machine, copies the word), and refuses a
 * move no single x86 instruction makes (by handing it to the {@link MoveEmitter}).
 */
final class ModelMachine {

    private final Map<Location, Long> words = new HashMap<>();

    void set(Location at, long value) {
        words.put(at, value);
    }

    long get(Location at) {
        if (at instanceof Location.Const c) {
            return c.value();
        }
        Long v = words.get(at);
        if (v == null) {
            throw new AssertionError("read of " + at + ", which the machine does not have");
        }
        return v;
    }

    void run(List<Move> moves) {
        var asm = new Assembler();
        for (Move m : moves) {
            MoveEmitter.emit(asm, m);   // throws if the move is not one instruction
            words.put(m.dst(), get(m.src()));
        }
    }

    Map<Location, Long> snapshot() {
        return Map.copyOf(words);
    }
}
