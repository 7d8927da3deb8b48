package dev.taipan.flowgraph.flow;

import java.util.Map;

/**
 * Links that enter an empty block (no operations, one unconditional exit) go straight to that
 * block's target instead, passing the composed arguments. The flow space leaves many such
 * blocks: every fork's eggs and every generalised join point.
 */
final class EliminateEmptyBlocks {
    private EliminateEmptyBlocks() {}

    static boolean run(FunctionGraph g) {
        boolean changed = false;
        for (Block b : g.iterblocks()) {
            for (Link l : b.exits) {
                int hops = 0;
                while (isEmpty(g, l.target) && l.target.exits.getFirst().target != l.target && hops++ < 1000) {
                    Link next = l.target.exits.getFirst();
                    Map<Variable, Value> map = Simplify.bindings(l);
                    l.args = new java.util.ArrayList<>(next.args.stream().map(a -> Simplify.subst(a, map)).toList());
                    l.target = next.target;
                    if (next.line > 0) {
                        l.line = next.line;   // the last instruction of the path: a return's own line
                    }
                    changed = true;
                }
            }
        }
        return changed;
    }

    private static boolean isEmpty(FunctionGraph g, Block b) {
        return b.operations.isEmpty() && b.exitswitch == null && b.exits.size() == 1 && b != g.startblock;
    }
}
