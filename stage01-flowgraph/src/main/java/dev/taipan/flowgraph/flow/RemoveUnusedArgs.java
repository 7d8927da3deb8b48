package dev.taipan.flowgraph.flow;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Input arguments that nothing needs are removed, with the value every entering link passed
 * for them. "Needed" is found by a small flow analysis (PyPy's {@code transform_dead_op_vars}
 * idea): a variable is needed when an operation or an exitswitch reads it, or when a link
 * passes it to a needed input argument of its target (the return and except blocks need
 * theirs). A value that is merely carried around a loop, like {@code argv} past a loop that
 * never reads it, is thus not needed. The start block keeps its arguments: they are the
 * function's parameters.
 */
final class RemoveUnusedArgs {
    private RemoveUnusedArgs() {}

    static boolean run(FunctionGraph g) {
        List<Block> blocks = g.iterblocks();
        Set<Variable> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        needed.addAll(g.returnblock.inputargs);
        needed.addAll(g.exceptblock.inputargs);
        needed.addAll(g.startblock.inputargs);
        for (Block b : blocks) {
            for (SpaceOperation op : b.operations) {
                addVars(needed, op.args());
            }
            if (b.exitswitch instanceof Variable v) {
                needed.add(v);
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Block b : blocks) {
                for (Link l : b.exits) {
                    for (int i = 0; i < l.args.size(); i++) {
                        if (needed.contains(l.target.inputargs.get(i)) && l.args.get(i) instanceof Variable v && needed.add(v)) {
                            grew = true;
                        }
                    }
                }
            }
        }
        boolean changed = false;
        Map<Block, List<Link>> entries = g.mkentrymap();
        for (Block b : blocks) {
            if (b == g.startblock || b == g.returnblock || b == g.exceptblock) {
                continue;
            }
            for (int i = b.inputargs.size() - 1; i >= 0; i--) {
                if (!needed.contains(b.inputargs.get(i))) {
                    b.inputargs.remove(i);
                    for (Link in : entries.get(b)) {
                        in.args.remove(i);
                    }
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static void addVars(Set<Variable> set, List<Value> values) {
        for (Value v : values) {
            if (v instanceof Variable var) {
                set.add(var);
            }
        }
    }
}
