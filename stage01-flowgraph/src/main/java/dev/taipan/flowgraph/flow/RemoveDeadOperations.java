package dev.taipan.flowgraph.flow;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Operations without side effects whose result nobody reads are dropped (PyPy's
 * {@code transform_dead_op_vars}, without its flow analysis through links). The catalogue says
 * which operations have no side effects ({@link dev.taipan.flowgraph.operation.Op#hasSideEffects()}):
 * arithmetic counts as removable, as in PyPy, since RPython code is assumed type-correct, but
 * an operation that raises on values of the right type ({@code x // y}, {@code lst[i]}) stays.
 * The operation a {@link Constant#LAST_EXCEPTION} block's exception links depend on stays.
 */
final class RemoveDeadOperations {
    private RemoveDeadOperations() {}

    static boolean run(FunctionGraph g) {
        Set<Variable> read = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Block b : g.iterblocks()) {
            for (SpaceOperation op : b.operations) {
                addVars(read, op.args());
            }
            if (b.exitswitch instanceof Variable v) {
                read.add(v);
            }
            for (Link l : b.exits) {
                addVars(read, l.args);
            }
        }
        boolean changed = false;
        for (Block b : g.iterblocks()) {
            SpaceOperation keep = b.canRaise() ? b.raisingOp() : null;
            changed |= b.operations.removeIf(op -> op != keep && !op.op().hasSideEffects() && !read.contains(op.result()));
        }
        return changed;
    }

    private static void addVars(Set<Variable> read, java.util.List<Value> values) {
        for (Value v : values) {
            if (v instanceof Variable var) {
                read.add(var);
            }
        }
    }
}
