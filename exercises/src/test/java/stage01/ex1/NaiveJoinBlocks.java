package stage01.ex1;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.GraphPass;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * A plausible wrong answer to stage01/ex1 for the self-check: it joins along every plain link,
 * forgetting that the target may have other entries (a merge point), which copies a block that
 * others still jump to. The contract must take points off it.
 */
public final class NaiveJoinBlocks implements GraphPass {
    @Override
    public boolean run(FunctionGraph g) {
        boolean changed = false;
        for (Block b : g.iterblocks()) {
            while (b.exitswitch == null && b.exits.size() == 1) {
                Link l = b.exits.getFirst();
                Block t = l.target;
                if (t == b || t == g.returnblock || t == g.exceptblock || t == g.startblock) {
                    break;
                }
                Map<Variable, Value> map = new IdentityHashMap<>();
                for (int i = 0; i < t.inputargs.size(); i++) {
                    map.put(t.inputargs.get(i), l.args.get(i));
                }
                for (SpaceOperation op : t.operations) {
                    b.operations.add(op.withArgs(op.args().stream().map(a -> subst(a, map)).toList()));
                }
                b.exitswitch = t.exitswitch == null ? null : subst(t.exitswitch, map);
                List<Link> exits = new ArrayList<>();
                for (Link e : t.exits) {
                    Link copy = new Link(e.args.stream().map(a -> subst(a, map)).toList(), e.target, e.exitcase);
                    copy.lastException = e.lastException;
                    copy.lastExcValue = e.lastExcValue;
                    exits.add(copy);
                }
                b.closeblock(exits);
                changed = true;
            }
        }
        return changed;
    }

    private static Value subst(Value v, Map<Variable, Value> map) {
        return v instanceof Variable var && map.containsKey(var) ? map.get(var) : v;
    }
}
