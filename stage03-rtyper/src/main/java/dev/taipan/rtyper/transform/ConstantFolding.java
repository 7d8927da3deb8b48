package dev.taipan.rtyper.transform;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.llgraph.KnownSwitch;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.llgraph.LowLevelProgram;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lloperation.LowLevelOperation;
import dev.taipan.rtyper.lloperation.LowLevelOverflow;
import dev.taipan.rtyper.lloperation.UndefinedBehaviorError;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Constant folding and dead-code removal (PyPy's {@code backendopt/constfold.py} and
 * {@code transform_dead_op_vars}), to a fixpoint, on graphs with or without exception links:
 *
 * <ul>
 *   <li>a pure operation whose operands are all constants becomes its result, computed by the
 *       catalogue's own implementation ({@code LowLevelOperation.fold}, what the llinterp runs);
 *       one that would fail on them (an overflow, a zero divisor, a shift too far) stays, to
 *       fail at run time as it must. An {@code _ovf} operation that does not overflow on its
 *       constants folds, and a {@code try} around it loses its exception links;</li>
 *   <li>an operation with one operand known may be an identity ({@link AlgebraicIdentities}:
 *       {@code x | 0} is {@code x}, {@code x & 0} is 0), and becomes what it is;</li>
 *   <li>a block argument that every entering link passes the same constant becomes that
 *       constant, so that a constant flows into the blocks it reaches;</li>
 *   <li>a switch on a constant keeps only the link it takes, and the blocks no longer reached
 *       are gone (a graph is what its start block reaches);</li>
 *   <li>an operation without side effects whose result nobody reads is removed; an operation
 *       that may raise stays (its exception is an effect);</li>
 *   <li>a block whose one exit leads to a block nothing else enters is joined with it (PyPy's
 *       {@code join_blocks}), which the folded switches leave many of: fewer jumps for the
 *       llinterp, fewer labels for a backend.</li>
 * </ul>
 */
public final class ConstantFolding implements GraphPass {

    public static final String NAME = "constfold";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "operations on constants folded, branches on constants removed, dead blocks and unused operations removed";
    }

    @Override
    public LowLevelProgram apply(LowLevelProgram program) {
        program.graphs().forEach(ConstantFolding::fold);
        return program;
    }

    /** Folds one graph in place, until nothing changes. */
    public static void fold(LowLevelGraph g) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (Block b : g.graph().iterblocks()) {
                changed |= foldOperations(g, b);
                changed |= KnownSwitch.fold(b);
            }
            changed |= propagateArguments(g.graph());
            changed |= removeUnused(g.graph());
            changed |= joinBlocks(g.graph());
        }
    }

    private static boolean foldOperations(LowLevelGraph g, Block b) {
        boolean changed = false;
        Map<Variable, SpaceOperation> defs = new IdentityHashMap<>();
        for (int i = 0; i < b.operations.size(); i++) {
            SpaceOperation op = b.operations.get(i);
            Value value = folded(g, op);
            if (value == null && !(b.canRaise() && op == b.raisingOp())) {
                value = AlgebraicIdentities.simplified(op, g.typeOf(op.result()), defs);
            }
            if (value == null) {
                defs.put(op.result(), op);
                continue;
            }
            b.operations.remove(i);
            substitute(b, i, op.result(), value);
            if (b.canRaise() && i == b.operations.size()) {
                Link normal = b.exits.getFirst();
                Link plain = new Link(normal.args, normal.target, null);
                plain.line = normal.line;
                b.exitswitch = null;
                b.closeblock(plain);
            }
            i--;
            changed = true;
        }
        return changed;
    }

    /** Whether {@code op} computes a constant when its operands are constants: pure, and the catalogue knows how. */
    static boolean foldable(SpaceOperation op) {
        return op.op() instanceof LowLevelOperation llop && llop.pure() && llop.impl() != null;
    }

    /** The constant {@code op} computes, or null when it cannot be known now. */
    static Constant folded(LowLevelGraph g, SpaceOperation op) {
        if (!foldable(op)) {
            return null;
        }
        LowLevelOperation llop = (LowLevelOperation) op.op();
        List<Object> values = new ArrayList<>();
        for (Value a : op.args()) {
            if (!(a instanceof Constant(LLConstant(Object v, LowLevelType t))) || t == Primitive.VOID) {
                return null;
            }
            values.add(v);
        }
        LowLevelType type = g.typeOf(op.result());
        if (llop == LLOp.CAST_POINTER || llop == LLOp.SAME_AS) {
            return LLConstant.of(values.getFirst(), type);
        }
        if (llop == LLOp.PTR_ISZERO || llop == LLOp.PTR_NONZERO) {
            return LLConstant.of((values.getFirst() == null) == (llop == LLOp.PTR_ISZERO), type);
        }
        if (llop == LLOp.PTR_EQ || llop == LLOp.PTR_NE) {
            return LLConstant.of((values.get(0) == values.get(1)) == (llop == LLOp.PTR_EQ), type);
        }
        if (!(type instanceof Primitive)) {
            return null;   // an address: only known once the image is placed
        }
        try {
            Object folded = llop.fold(values.toArray());
            // cast_ptr_to_int of a prebuilt object: its address is only known once the image is placed
            return ((Primitive) type).holds(folded) ? LLConstant.of(folded, type) : null;
        } catch (LowLevelOverflow | UndefinedBehaviorError | IllegalArgumentException | ClassCastException e) {
            return null;   // it fails on these operands: left to fail at run time
        }
    }

    /** {@code v} is {@code value} in block {@code b} from operation {@code from} on, its exitswitch and its exits. */
    private static void substitute(Block b, int from, Variable v, Value value) {
        Map<Variable, Value> map = Map.of(v, value);
        for (int k = from; k < b.operations.size(); k++) {
            b.operations.set(k, b.operations.get(k).withArgs(GraphEdit.rename(b.operations.get(k).args(), map)));
        }
        if (b.exitswitch == v) {
            b.exitswitch = value;
        }
        for (Link l : b.exits) {
            l.args = new ArrayList<>(GraphEdit.rename(l.args, map));
        }
    }

    /** A block argument that every entering link passes as the same constant becomes that constant. */
    private static boolean propagateArguments(FunctionGraph g) {
        boolean changed = false;
        for (Map.Entry<Block, List<Link>> e : g.mkentrymap().entrySet()) {
            Block b = e.getKey();
            List<Link> in = e.getValue();
            if (b == g.startblock || b == g.returnblock || b == g.exceptblock || in.isEmpty()) {
                continue;
            }
            for (int k = b.inputargs.size() - 1; k >= 0; k--) {
                Value first = in.getFirst().args.get(k);
                int index = k;
                if (first instanceof Constant && in.stream().allMatch(l -> first.equals(l.args.get(index)))) {
                    Variable v = b.inputargs.remove(k);
                    in.forEach(l -> l.args.remove(index));
                    substitute(b, 0, v, first);
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** A block ending in its one link to a block that only this link enters takes that block's operations and exits. */
    private static boolean joinBlocks(FunctionGraph g) {
        Map<Block, List<Link>> entries = g.mkentrymap();
        boolean changed = false;
        for (Block b : g.iterblocks()) {
            if (b.exitswitch != null || b.exits.size() != 1) {
                continue;
            }
            Link l = b.exits.getFirst();
            Block t = l.target;
            if (t == b || t == g.returnblock || t == g.exceptblock || t == g.startblock || entries.get(t).size() != 1
                    || !entries.containsKey(b)) {
                continue;
            }
            Map<Variable, Value> passed = new IdentityHashMap<>();
            for (int k = 0; k < t.inputargs.size(); k++) {
                passed.put(t.inputargs.get(k), l.args.get(k));
            }
            for (SpaceOperation op : t.operations) {
                b.operations.add(op.withArgs(GraphEdit.rename(op.args(), passed)));
            }
            b.exitswitch = t.exitswitch instanceof Variable v ? passed.getOrDefault(v, v) : t.exitswitch;
            for (Link out : t.exits) {
                out.args = new ArrayList<>(GraphEdit.rename(out.args, passed));
            }
            b.closeblock(t.exits);
            entries.remove(t);   // joined: no longer in the graph, though still in this loop's list
            changed = true;
        }
        return changed;
    }

    /** Operations without side effects, that cannot raise, whose results nobody reads, go. */
    private static boolean removeUnused(FunctionGraph g) {
        Set<Variable> read = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Block> blocks = g.iterblocks();
        for (Block b : blocks) {
            b.operations.forEach(op -> addVars(read, op.args()));
            if (b.exitswitch instanceof Variable v) {
                read.add(v);
            }
            b.exits.forEach(l -> addVars(read, l.args));
        }
        boolean changed = false;
        for (Block b : blocks) {
            SpaceOperation covered = b.canRaise() ? b.raisingOp() : null;
            changed |= b.operations.removeIf(op -> op != covered && !op.op().hasSideEffects() && !op.op().canRaise()
                    && !read.contains(op.result()));
        }
        return changed;
    }

    private static void addVars(Set<Variable> read, List<Value> values) {
        for (Value v : values) {
            if (v instanceof Variable var) {
                read.add(var);
            }
        }
    }
}
