package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.PyBool;

/**
 * A block that switches on a constant (after joining, a branch may test a value the flow
 * space knew) keeps only the exit for that constant.
 */
final class ConstantFoldExitswitch {
    private ConstantFoldExitswitch() {}

    static boolean run(FunctionGraph g) {
        boolean changed = false;
        for (Block b : g.iterblocks()) {
            if (b.exitswitch instanceof Constant(Object v) && v instanceof PyBool value) {
                for (Link l : b.exits) {
                    if (l.exitcase == value) {
                        Link plain = new Link(l.args, l.target, null);
                        plain.line = l.line;
                        b.exitswitch = null;
                        b.closeblock(plain);
                        changed = true;
                        break;
                    }
                }
            }
        }
        return changed;
    }
}
