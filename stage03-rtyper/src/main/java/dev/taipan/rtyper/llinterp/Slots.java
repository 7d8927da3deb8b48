package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.LLConstant;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;

/**
 * The frame layout of one graph: a slot for each variable (a variable is defined once, so it
 * needs its own slot and no liveness analysis), one for each distinct constant, and spare slots
 * for links that must pass their arguments through a temporary. The constants' words are
 * written once into the template every frame starts as a copy of.
 *
 * <p>One exception to "a slot per variable": an input argument of a block that only one link
 * enters may {@link #share} the slot of the variable that link passes to it, since that
 * variable is never read again once the link is taken (a variable lives in its block), so the
 * link has nothing to move there. That is most links after the exception transform, which cuts a
 * block after every call that can raise: without sharing, each cut would copy every live value.
 */
final class Slots {

    private final ToLongFunction<LLConstant> words;
    private final Map<Variable, Integer> variables = new IdentityHashMap<>();
    private final Map<LLConstant, Integer> constants = new HashMap<>();
    private final Map<Integer, Long> constantWords = new HashMap<>();
    private int count;

    /** {@code words} gives a constant's run-time word (a prebuilt object's address, a function's). */
    Slots(ToLongFunction<LLConstant> words) {
        this.words = words;
    }

    int of(Value v) {
        return switch (v) {
            case Variable var -> variables.computeIfAbsent(var, _ -> count++);
            case Constant(LLConstant k) -> constants.computeIfAbsent(k, _ -> {
                constantWords.put(count, words.applyAsLong(k));
                return count++;
            });
            case Constant c -> throw new IllegalArgumentException("the constant " + c + " is not low-level (no LLConstant)");
        };
    }

    /**
     * Gives {@code inputarg} the slot of {@code passed}, unless it has a slot already (a link
     * seen before gave it one). Returns whether it shares.
     */
    boolean share(Variable inputarg, Variable passed) {
        if (variables.containsKey(inputarg)) {
            return false;
        }
        variables.put(inputarg, of(passed));
        return true;
    }

    int spare() {
        return count++;
    }

    /** The frame every call starts from: zeros, and the constants' words. */
    long[] template() {
        long[] t = new long[count];
        constantWords.forEach((slot, word) -> t[slot] = word);
        return t;
    }
}
