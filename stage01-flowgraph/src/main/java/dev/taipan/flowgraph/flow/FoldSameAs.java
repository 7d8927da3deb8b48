package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.operation.HLOp;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * {@code v2 = same_as(v1)} is dropped and {@code v2} replaced by {@code v1} in its block (a
 * copy that later passes introduce; the flow space itself records none).
 */
final class FoldSameAs {
    private FoldSameAs() {}

    static boolean run(FunctionGraph g) {
        boolean changed = false;
        for (Block b : g.iterblocks()) {
            Map<Variable, Value> map = new IdentityHashMap<>();
            var it = b.operations.listIterator();
            while (it.hasNext()) {
                SpaceOperation op = it.next();
                if (op.op() == HLOp.SAME_AS && !(b.canRaise() && op == b.raisingOp())) {
                    map.put(op.result(), Simplify.subst(op.args().getFirst(), map));
                    it.remove();
                    changed = true;
                } else if (!map.isEmpty()) {
                    it.set(op.withArgs(op.args().stream().map(a -> Simplify.subst(a, map)).toList()));
                }
            }
            if (!map.isEmpty()) {
                Simplify.rename(b, map);
            }
        }
        return changed;
    }
}
