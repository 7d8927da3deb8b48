package stage01.ex2;

import dev.taipan.flowgraph.flow.FrameState;
import dev.taipan.flowgraph.flow.FrameStateUnion;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;

/**
 * A plausible wrong answer to stage01/ex2 for the self-check: equal values stay and others
 * generalise, but a local bound on one path only keeps the other path's value (it should be
 * unbound), and positions of an unrolling iterator are merged like any constant. The contract
 * must take points off it.
 */
public final class NaiveFrameStateUnion implements FrameStateUnion {
    @Override
    public FrameState union(FrameState a, FrameState b) throws FrameState.UnionError {
        if (a.pc() != b.pc() || a.depth() != b.depth()) {
            throw new FrameState.UnionError();
        }
        Value[] locals = new Value[a.nlocals()];
        for (int i = 0; i < locals.length; i++) {
            locals[i] = unite(a.local(i), b.local(i), a.localName(i));
        }
        Value[] stack = new Value[a.depth()];
        for (int i = 0; i < stack.length; i++) {
            stack[i] = unite(a.stackItem(i), b.stackItem(i), null);
        }
        return new FrameState(a.names(), locals, stack, unite(a.handled(), b.handled(), null), a.pc());
    }

    private static Value unite(Value x, Value y, String name) {
        if (x == null) {
            return y;
        }
        if (y == null) {
            return x;
        }
        return x.equals(y) ? x : new Variable(name);
    }
}
