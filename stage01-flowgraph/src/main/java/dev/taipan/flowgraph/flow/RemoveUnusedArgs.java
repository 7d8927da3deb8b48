package dev.taipan.flowgraph.flow;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An input argument that its block never reads (no operation, exitswitch or exit uses it) is
 * removed, with the value every entering link passed for it. The start block keeps its
 * arguments: they are the function's parameters.
 */
final class RemoveUnusedArgs {
    private RemoveUnusedArgs() {}

    static boolean run(FunctionGraph g) {
        boolean changed = false;
        Map<Block, List<Link>> entries = g.mkentrymap();
        for (Block b : g.iterblocks()) {
            if (b == g.startblock || b == g.returnblock || b == g.exceptblock) {
                continue;
            }
            Set<Variable> used = Collections.newSetFromMap(new IdentityHashMap<>());
            for (SpaceOperation op : b.operations) {
                for (Value v : op.args()) {
                    if (v instanceof Variable var) {
                        used.add(var);
                    }
                }
            }
            if (b.exitswitch instanceof Variable v) {
                used.add(v);
            }
            for (Link l : b.exits) {
                for (Value v : l.args) {
                    if (v instanceof Variable var) {
                        used.add(var);
                    }
                }
            }
            for (int i = b.inputargs.size() - 1; i >= 0; i--) {
                if (!used.contains(b.inputargs.get(i))) {
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
}
