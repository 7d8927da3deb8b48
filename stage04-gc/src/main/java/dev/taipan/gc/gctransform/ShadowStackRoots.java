package dev.taipan.gc.gctransform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.gc.Exercised;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.lltype.Ptr;
import dev.taipan.rtyper.transform.GraphPass;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SequencedSet;

/**
 * Keeps the GC pointers of every function where a collector finds them (PyPy's
 * {@code ShadowStackRootWalker}, as its {@code gctransform/framework.py} uses it): around each
 * operation that can collect ({@link CollectAnalysis}), the GC pointers still needed after it
 * are pushed on the <em>shadow stack</em> before, and reloaded into <em>new</em> variables
 * after; the rest of the block uses the new ones. A moving collector updates the slots, so no
 * variable holds a pointer into from-space once the call returns: the old variable is dead
 * (nothing uses it after the call), which a checker can see ({@link RootsCheck}).
 *
 * <p>"Still needed after it" is liveness inside the block, a {@link RootLiveness} (the
 * reference {@link BlockLiveness}, unless {@link Exercised#ROOT_LIVENESS} names another): a
 * variable is live across an operation when a later operation of the block, the block's switch
 * or one of its exits uses it. Blocks pass values only through their links (SSA with block
 * arguments), so the block is the whole story: a variable live in the next block is an
 * argument of the link to it.
 *
 * <p>The graphs must have been through the exception transform: an operation that can raise is
 * then never last in a block with exception links, so the reloads can follow it in the block.
 * Pointers to raw memory (vtables, the type info table) are not roots: no collector moves them.
 */
public final class ShadowStackRoots implements GraphPass {
    private final boolean forgetOne;
    private final RootLiveness liveness = Exercised.ROOT_LIVENESS.current();

    public ShadowStackRoots() {
        this(false);
    }

    private ShadowStackRoots(boolean forgetOne) {
        this.forgetOne = forgetOne;
    }

    /**
     * A broken copy of the pass, for the self-test of the tests (issue 14): at every operation
     * that can collect it forgets the last of the live pointers, which the block then uses
     * stale. The GC tests must notice ({@code RootsSelfTest}).
     */
    static ShadowStackRoots forgettingOneRoot() {
        return new ShadowStackRoots(true);
    }

    @Override
    public String name() {
        return "gc-roots";
    }

    @Override
    public String description() {
        return "the GC pointers live across an operation that can collect are pushed on the shadow stack and reloaded after it";
    }

    @Override
    public LowLevelProgram apply(LowLevelProgram program) {
        CollectAnalysis collects = new CollectAnalysis(program.graphs());
        for (LowLevelGraph g : program.graphs()) {
            for (Block b : g.graph().iterblocks()) {
                if (b.canRaise() && b.operations.stream().anyMatch(collects::canCollect)) {
                    throw new IllegalArgumentException(g.name() + ": the roots are placed after the exception transform "
                            + "(a block ends in an operation with exception links)");
                }
                transform(g, b, collects);
            }
        }
        return program;
    }

    /** Whether {@code v} holds a pointer a collector must see: a pointer to a GC object. */
    static boolean isGcPointer(LowLevelGraph g, Value v) {
        return v instanceof Variable && g.typeOf(v) instanceof Ptr p && p.to().isGc();
    }

    private void transform(LowLevelGraph g, Block b, CollectAnalysis collects) {
        List<SequencedSet<Variable>> liveAcross = liveness.liveAcross(g, b);
        if (liveAcross.size() != b.operations.size()) {
            throw new IllegalStateException(g.name() + ": the root liveness gave " + liveAcross.size() + " sets for a block of "
                    + b.operations.size() + " operations (one per operation)");
        }
        Map<Variable, Value> renamed = new IdentityHashMap<>();
        List<SpaceOperation> ops = new ArrayList<>();
        for (int i = 0; i < b.operations.size(); i++) {
            SpaceOperation op = b.operations.get(i).withArgs(rename(b.operations.get(i).args(), renamed));
            if (!collects.canCollect(op)) {
                ops.add(op);
                continue;
            }
            List<Variable> live = List.copyOf(liveAcross.get(i));
            if (forgetOne && !live.isEmpty()) {
                live = live.subList(0, live.size() - 1);
            }
            List<Variable> roots = live.stream().map(v -> (Variable) renamed.getOrDefault(v, v)).toList();
            if (roots.isEmpty()) {
                ops.add(op);
                continue;
            }
            ops.add(new SpaceOperation(GcOp.GC_PUSH_ROOTS, List.copyOf(roots), voidResult(g), op.line()));
            ops.add(op);
            ops.add(new SpaceOperation(GcOp.GC_POP_ROOTS, List.of(LLConstant.signed(roots.size())), voidResult(g), op.line()));
            for (int k = 0; k < roots.size(); k++) {
                Variable reloaded = roots.get(k).copy();
                g.setType(reloaded, g.typeOf(roots.get(k)));
                ops.add(new SpaceOperation(GcOp.GC_RESTORE_ROOT, List.of(LLConstant.signed(k)), reloaded, op.line()));
                renamed.put(live.get(k), reloaded);
            }
        }
        b.operations = ops;
        if (b.exitswitch instanceof Variable v && renamed.containsKey(v)) {
            b.exitswitch = renamed.get(v);
        }
        for (Link l : b.exits) {
            l.args = new ArrayList<>(rename(l.args, renamed));
        }
    }

    private static List<Value> rename(List<Value> values, Map<Variable, Value> renamed) {
        return values.stream().map(a -> a instanceof Variable v && renamed.containsKey(v) ? renamed.get(v) : a).toList();
    }

    private static Variable voidResult(LowLevelGraph g) {
        Variable v = new Variable();
        g.setType(v, Primitive.VOID);
        return v;
    }
}
