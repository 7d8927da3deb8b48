package dev.taipan.flowgraph.flow;

import dev.taipan.flowgraph.host.PyInt;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code getitem(t, i)} of a tuple {@code t = newtuple(...)} built in the same block, with a
 * constant index, is the i-th item itself. This is what {@code a, b = b, a + b} compiles to
 * (BUILD_TUPLE then UNPACK_SEQUENCE): after this pass and dead-operation removal, no tuple is
 * left, as with CPython 2's ROT_TWO that PyPy's flow space saw.
 */
final class FoldTupleItems {
    private FoldTupleItems() {}

    static boolean run(FunctionGraph g) {
        boolean changed = false;
        for (Block b : g.iterblocks()) {
            Map<Variable, List<Value>> tuples = new IdentityHashMap<>();
            Map<Variable, Value> map = new IdentityHashMap<>();
            SpaceOperation keep = b.canRaise() ? b.raisingOp() : null;
            var it = b.operations.listIterator();
            while (it.hasNext()) {
                SpaceOperation op = it.next();
                if (!map.isEmpty()) {
                    op = op.withArgs(op.args().stream().map(a -> Simplify.subst(a, map)).toList());
                    it.set(op);
                }
                if (op.op() == HLOp.NEWTUPLE) {
                    tuples.put(op.result(), op.args());
                } else if (op.op() == HLOp.GETITEM && op != keep && op.args().get(0) instanceof Variable t
                        && tuples.containsKey(t) && op.args().get(1) instanceof Constant(PyInt i) && i.fitsLong()
                        && i.longValue() >= 0 && i.longValue() < tuples.get(t).size()) {
                    map.put(op.result(), tuples.get(t).get((int) i.longValue()));
                    it.remove();
                    changed = true;
                }
            }
            if (!map.isEmpty()) {
                if (b.exitswitch != null) {
                    b.exitswitch = Simplify.subst(b.exitswitch, map);
                }
                for (Link l : b.exits) {
                    l.args.replaceAll(a -> Simplify.subst(a, map));
                }
            }
        }
        return changed;
    }
}
