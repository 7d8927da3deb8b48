package dev.taipan.flowgraph.flow;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Two input arguments of a block that every entering link fills with the same value are one
 * value: the second is replaced by the first and removed (PyPy's {@code remove_identical_vars}).
 * The flow space creates such pairs whenever a local and a stack slot held the same value at a
 * join point ({@code i} and the {@code i} just loaded to compare it).
 */
final class RemoveIdenticalVars {
    private RemoveIdenticalVars() {}

    static boolean run(FunctionGraph g) {
        boolean changed = false;
        Map<Block, List<Link>> entries = g.mkentrymap();
        for (Block b : g.iterblocks()) {
            if (b == g.startblock || b == g.returnblock || b == g.exceptblock) {
                continue;
            }
            List<Link> in = entries.get(b);
            for (int j = b.inputargs.size() - 1; j > 0; j--) {
                for (int i = 0; i < j; i++) {
                    if (sameEverywhere(in, i, j)) {
                        Map<Variable, Value> map = new IdentityHashMap<>();
                        map.put(b.inputargs.get(j), b.inputargs.get(i));
                        Simplify.rename(b, map);
                        b.inputargs.remove(j);
                        for (Link l : in) {
                            l.args.remove(j);
                        }
                        changed = true;
                        break;
                    }
                }
            }
        }
        return changed;
    }

    private static boolean sameEverywhere(List<Link> in, int i, int j) {
        for (Link l : in) {
            if (!l.args.get(i).equals(l.args.get(j))) {
                return false;
            }
        }
        return !in.isEmpty();
    }
}
