package stage01.ex3;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphPass;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * A plausible wrong answer to stage01/ex3 for the self-check: "dead" means "result unread",
 * full stop. It forgets that calls and stores matter for what they do, not what they return,
 * and that a raising block's last operation is what its exception links are about.
 */
public final class NaiveRemoveDeadOperations implements GraphPass {
    @Override
    public boolean run(FunctionGraph g) {
        Set<Variable> read = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block b : g.iterblocks()) {
            for (SpaceOperation op : b.operations) {
                for (Value v : op.args()) {
                    if (v instanceof Variable var) {
                        read.add(var);
                    }
                }
            }
            if (b.exitswitch instanceof Variable v) {
                read.add(v);
            }
            for (Link l : b.exits) {
                for (Value v : l.args) {
                    if (v instanceof Variable var) {
                        read.add(var);
                    }
                }
            }
        }
        boolean changed = false;
        for (Block b : g.iterblocks()) {
            changed |= b.operations.removeIf(op -> !read.contains(op.result()));
        }
        return changed;
    }
}
