package dev.taipan.flowgraph.flow;

import java.util.List;
import java.util.Map;

/**
 * A block whose only exit goes to a block with no other entry absorbs that block: its
 * operations, exitswitch and exits, with the target's input arguments replaced by what the
 * link passed. This undoes the flow space's one-block-per-instruction recording. An unnamed
 * value that the absorbed block knew under a local's name takes that name.
 */
final class JoinBlocks {
    private JoinBlocks() {}

    static boolean run(FunctionGraph g) {
        boolean changed = false;
        Map<Block, List<Link>> entries = g.mkentrymap();
        for (Block b : g.iterblocks()) {
            while (b.exitswitch == null && b.exits.size() == 1) {
                Link l = b.exits.getFirst();
                Block t = l.target;
                if (t == b || t == g.returnblock || t == g.exceptblock || t == g.startblock
                        || entries.get(t).size() != 1) {
                    break;
                }
                for (int i = 0; i < t.inputargs.size(); i++) {
                    // the value keeps the name of the local it was stored into (STORE_FAST ran in t)
                    if (l.args.get(i) instanceof Variable v && t.inputargs.get(i).localName() != null) {
                        v.rename(t.inputargs.get(i).localName());
                    }
                }
                Simplify.rename(t, Simplify.bindings(l));
                b.operations.addAll(t.operations);
                b.exitswitch = t.exitswitch;
                b.closeblock(t.exits);
                t.operations = new java.util.ArrayList<>();
                t.exits = new java.util.ArrayList<>();
                t.exitswitch = null;
                changed = true;
            }
        }
        return changed;
    }
}
