package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyFunction;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * PyPy's {@code transform_ovfcheck}: {@code ovfcheck(x + y)} is not a call but one checked
 * operation, {@code int_add_ovf(x, y)}, which raises {@code OverflowError} where the machine
 * addition would wrap. The flow space records the addition, then the call of {@code ovfcheck}
 * on its result, maybe in the next block (inside a {@code try}, each operation that may raise
 * ends its block). This finds, for each call, the operation its argument comes from, following
 * a block's input back through the one link that enters it: that addition, subtraction or
 * multiplication becomes the {@code _ovf} operation, and the call the identity. The graph of
 * {@code ovfcheck} itself is never translated.
 */
final class OvfCheck {
    private static final Set<HLOp> CHECKABLE = Set.of(HLOp.ADD, HLOp.SUB, HLOp.MUL, HLOp.INPLACE_ADD, HLOp.INPLACE_SUB,
            HLOp.INPLACE_MUL);
    private final Set<SpaceOperation> checked = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    private final Set<SpaceOperation> calls = java.util.Collections.newSetFromMap(new IdentityHashMap<>());

    OvfCheck(FunctionGraph hl, GraphConverter converter) {
        Map<Variable, SpaceOperation> producers = new IdentityHashMap<>();
        Map<Block, Integer> entries = new HashMap<>();
        for (Block b : hl.iterblocks()) {
            b.operations.forEach(op -> producers.put(op.result(), op));
            b.exits.forEach(l -> entries.merge(l.target, 1, Integer::sum));
        }
        Map<Variable, Value> incoming = new IdentityHashMap<>();
        for (Link l : hl.iterlinks()) {
            if (entries.get(l.target) == 1) {
                for (int i = 0; i < l.args.size(); i++) {
                    incoming.put(l.target.inputargs.get(i), l.args.get(i));
                }
            }
        }
        for (Block b : hl.iterblocks()) {
            for (SpaceOperation op : b.operations) {
                if (op.op() == HLOp.SIMPLE_CALL && op.args().getFirst() instanceof Constant c
                        && c.value() instanceof PyFunction f && isOvfcheck(f)) {
                    Value a = op.args().get(1);
                    while (a instanceof Variable v && !producers.containsKey(v) && incoming.containsKey(v)) {
                        a = incoming.get(v);
                    }
                    if (a instanceof Constant) {
                        calls.add(op);   // ovfcheck(1 * 2): folded by the flow space, which folds only what fits a word
                        continue;
                    }
                    SpaceOperation p = a instanceof Variable v ? producers.get(v) : null;
                    if (p == null || !CHECKABLE.contains(p.op())) {
                        throw converter.error("ovfcheck() must wrap an addition, a subtraction or a multiplication "
                                + "of ints: ovfcheck(x + y)", op.line());
                    }
                    checked.add(p);
                    calls.add(op);
                }
            }
        }
    }

    /** Whether {@code f} is {@code rpython.rlib.rarithmetic.ovfcheck}. */
    static boolean isOvfcheck(PyFunction f) {
        return Builtins.isRarithmetic(f, "ovfcheck");
    }

    boolean checked(SpaceOperation op) {
        return checked.contains(op);
    }

    boolean isCall(SpaceOperation op) {
        return calls.contains(op);
    }
}
