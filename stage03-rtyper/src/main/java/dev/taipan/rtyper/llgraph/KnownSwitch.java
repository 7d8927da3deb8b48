package dev.taipan.rtyper.llgraph;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.host.PyBool;

/**
 * A switch on a value known at translation time is no switch: the block keeps the one link it
 * takes. A flow graph's exitswitch is a variable of its block ({@code CheckGraph} says so), so
 * whoever makes a switch constant folds it at once: the rtyper, where the annotator knew the
 * test ({@code if not s} of a constant string), and constant folding, where a folded operation
 * was the test. Then no later pass meets a constant switch.
 */
public final class KnownSwitch {

    private KnownSwitch() {
    }

    /** If {@code b} switches on a constant, it now ends with the one link taken; returns whether it did. */
    public static boolean fold(Block b) {
        if (!(b.exitswitch instanceof Constant(LLConstant(Object v, var t)))) {
            return false;
        }
        boolean truth = switch (v) {
            case Boolean x -> x;
            case Long x -> x != 0;
            default -> throw new IllegalStateException("a switch on the constant " + v);
        };
        for (Link l : b.exits) {
            if (l.exitcase == (truth ? PyBool.TRUE : PyBool.FALSE) || Boolean.valueOf(truth).equals(l.exitcase)) {
                Link plain = new Link(l.args, l.target, null);
                plain.line = l.line;
                b.exitswitch = null;
                b.closeblock(plain);
                return true;
            }
        }
        throw new IllegalStateException("a switch on " + v + " has no link for it");
    }
}
