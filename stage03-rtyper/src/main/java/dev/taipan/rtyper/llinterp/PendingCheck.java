package dev.taipan.rtyper.llinterp;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyBool;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lloperation.LLOp;

/**
 * The exception transform's test after a call that can raise, recognised so that the llinterp
 * runs it as one step ({@link Exit.Pending}): a block ending in
 *
 * <pre>
 *     v1 = getfield(exc_data, 'exc_type')
 *     v2 = ptr_iszero(v1)
 *     exitswitch: v2
 * </pre>
 *
 * where nothing else reads {@code v1} or {@code v2}. Run as written, it is two instructions, a
 * load from the heap into a slot and a test into another, then a choice on that slot: a call of
 * {@code fib} made 2.5 times as slow by them. Machine code makes it a load, a compare and a
 * jump; the llinterp makes it one read of the pending exception.
 */
record PendingCheck(Link raised, Link clear) {

    /** The check {@code b} ends with, or null. */
    static PendingCheck at(Block b, PendingException pending) {
        int n = b.operations.size();
        if (n < 2 || b.canRaise() || !(b.exitswitch instanceof Variable isZero) || b.exits.size() != 2) {
            return null;
        }
        SpaceOperation load = b.operations.get(n - 2);
        SpaceOperation test = b.operations.getLast();
        boolean shape = test.op() == LLOp.PTR_ISZERO && test.result() == isZero && test.args().getFirst() == load.result()
                && load.op() == LLOp.GETFIELD
                && load.args().get(0) instanceof Constant(LLConstant(Object excData, var t)) && excData == pending.excData()
                && load.args().get(1) instanceof Constant(LLConstant(Object field, var u)) && "exc_type".equals(field);
        if (!shape || readByLinks(b, load.result()) || readByLinks(b, isZero)) {
            return null;
        }
        Link first = b.exits.get(0);
        Link second = b.exits.get(1);
        return truth(first) ? new PendingCheck(second, first) : new PendingCheck(first, second);
    }

    private static boolean readByLinks(Block b, Variable v) {
        for (Link l : b.exits) {
            for (Value a : l.args) {
                if (a == v) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean truth(Link l) {
        return l.exitcase == PyBool.TRUE || Boolean.TRUE.equals(l.exitcase);
    }
}
