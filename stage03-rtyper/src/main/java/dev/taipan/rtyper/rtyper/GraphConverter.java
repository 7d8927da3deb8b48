package dev.taipan.rtyper.rtyper;

import static dev.taipan.rtyper.lloperation.LLOp.*;

import dev.taipan.flowgraph.flow.Block;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.FunctionGraph;
import dev.taipan.flowgraph.flow.Link;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.Repr.ConstantRepr;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns one annotated flow graph into a low-level graph (PyPy's {@code specialize_block}, done
 * into a fresh graph so that the annotated one stays for pictures and for {@code taipan view}).
 * Every block gets its low-level twin, every variable a twin of the repr of its annotation;
 * every operation becomes the low-level operations {@link Rules} choose; a link whose
 * arguments must change representation (an int flowing into a float variable) passes through
 * a new block of its own holding the conversions, as PyPy inserts them, so that a block with
 * several exits converts only on the exit taken.
 */
final class GraphConverter {
    private final RTyper rtyper;
    private final FunctionGraph hl;
    final LowLevelGraph ll;
    private final Map<Block, Block> blocks = new IdentityHashMap<>();
    private final Map<Variable, Value> values = new IdentityHashMap<>();

    GraphConverter(RTyper rtyper, FunctionGraph hl, LowLevelGraph ll) {
        this.rtyper = rtyper;
        this.hl = hl;
        this.ll = ll;
    }

    void convert() {
        FunctionGraph out = ll.graph();
        blocks.put(hl.returnblock, out.returnblock);
        blocks.put(hl.exceptblock, out.exceptblock);
        bindInputargs(hl.returnblock, out.returnblock);
        List<Block> live = hl.iterblocks().stream()
                .filter(b -> b != hl.returnblock && b != hl.exceptblock && rtyper.reached(b)).toList();
        for (Block b : live) {
            blocks.put(b, b == hl.startblock ? out.startblock : new Block(twins(b.inputargs)));
        }
        bindInputargs(hl.startblock, out.startblock);
        for (Block b : live) {
            convertBlock(b, blocks.get(b));
        }
    }

    private List<Variable> twins(List<Variable> vars) {
        List<Variable> out = new ArrayList<>();
        for (Variable v : vars) {
            Variable t = v.copy();
            ll.setType(t, repr(v).lowleveltype());
            values.put(v, t);
            out.add(t);
        }
        return out;
    }

    private void bindInputargs(Block from, Block to) {
        for (int i = 0; i < from.inputargs.size(); i++) {
            Variable v = from.inputargs.get(i);
            Variable t = to.inputargs.get(i);
            ll.setType(t, repr(v).lowleveltype());
            values.put(v, t);
        }
    }

    Repr repr(Value v) {
        return rtyper.reprOf(rtyper.annotation(v), this, lineOf(v));
    }

    private int lineOf(Value v) {
        return hl.code == null ? 0 : hl.code.firstLine();
    }

    private void convertBlock(Block b, Block out) {
        if (b.canRaise()) {
            throw error("exception handling (try/except, for loops) reaches the low level with the classes of "
                    + "the next part of stage 03", b.raisingOp().line());
        }
        for (SpaceOperation op : b.operations) {
            List<Repr> argReprs = op.args().stream().map(this::repr).toList();
            HighLevelOp hop = new HighLevelOp(op, argReprs, repr(op.result()), this);
            Value result = Rules.translate(rtyper, hop);
            out.operations.addAll(hop.llops);
            values.put(op.result(), result);
        }
        List<Link> live = b.exits.stream().filter(l -> isLive(l.target)).toList();
        List<Link> exits = new ArrayList<>();
        for (Link l : live) {
            exits.add(convertLink(l, live.size() == 1 ? null : l.exitcase));
        }
        // a switch whose other branch is never taken is no switch at all
        out.exitswitch = b.exitswitch == null || live.size() == 1 ? null : lowLevel(b.exitswitch, repr(b.exitswitch));
        out.closeblock(exits);
    }

    /** The link's twin; through a new block of conversions when an argument changes representation. */
    private boolean isLive(Block target) {
        return target == hl.returnblock || target == hl.exceptblock || rtyper.reached(target);
    }

    private Link convertLink(Link l, Object exitcase) {
        Block target = blocks.get(l.target);
        List<SpaceOperation> conversions = new ArrayList<>();
        List<Value> args = new ArrayList<>();
        for (int i = 0; i < l.args.size(); i++) {
            Value a = l.args.get(i);
            Repr from = repr(a);
            Repr to = repr(l.target.inputargs.get(i));
            args.add(convert(lowLevel(a, from), from, to, conversions, l.line));
        }
        if (conversions.isEmpty()) {
            return new Link(args, target, exitcase);
        }
        // The conversions read the link's arguments: the new block takes them as its own inputs.
        Map<Variable, Variable> renamed = new IdentityHashMap<>();
        List<Variable> inputs = new ArrayList<>();
        List<Value> passed = new ArrayList<>();
        for (int i = 0; i < l.args.size(); i++) {
            if (lowLevel(l.args.get(i), repr(l.args.get(i))) instanceof Variable v && !renamed.containsKey(v)) {
                Variable copy = v.copy();
                ll.setType(copy, ll.typeOf(v));
                renamed.put(v, copy);
                inputs.add(copy);
                passed.add(v);
            }
        }
        Block middle = new Block(inputs);
        for (SpaceOperation op : conversions) {
            middle.operations.add(op.withArgs(op.args().stream().map(x -> rename(x, renamed)).toList()));
        }
        middle.closeblock(new Link(args.stream().map(x -> rename(x, renamed)).toList(), target, null));
        return new Link(passed, middle, exitcase);
    }

    private static Value rename(Value v, Map<Variable, Variable> renamed) {
        return v instanceof Variable var && renamed.containsKey(var) ? renamed.get(var) : v;
    }

    /** The low-level twin of a high-level value: a variable's twin, or a constant converted to its repr. */
    Value lowLevel(Value v, Repr r) {
        return switch (v) {
            case Variable var -> {
                Value t = values.get(var);
                if (t == null) {
                    throw new IllegalStateException(hl.name + ": " + var + " used before it is converted");
                }
                yield t;
            }
            case Constant c -> LLConstant.of(constantValue(c, r), r.lowleveltype());
        };
    }

    private Object constantValue(Constant c, Repr r) {
        if (r instanceof ConstantRepr(var v)) {
            return v;
        }
        return RTyper.convertConst((PyObject) c.value(), (Primitive) r.lowleveltype());
    }

    /** {@code v}, of repr {@code from}, in repr {@code to}; conversion operations go to {@code out}. */
    Value convert(Value v, Repr from, Repr to, List<SpaceOperation> out, int line) {
        if (from.equals(to)) {
            return v;
        }
        if (v instanceof Constant c && c.value() instanceof LLConstant k) {
            if (from instanceof ConstantRepr) {
                return LLConstant.of(RTyper.convertConst((PyObject) k.value(), (Primitive) to.lowleveltype()), to.lowleveltype());
            }
        }
        LowLevelType a = from.lowleveltype();
        LowLevelType b = to.lowleveltype();
        if (a == Primitive.BOOL && b == Primitive.FLOAT) {
            return cast(CAST_INT_TO_FLOAT, cast(CAST_BOOL_TO_INT, v, Primitive.SIGNED, out, line), Primitive.FLOAT, out, line);
        }
        LLOp op = a == Primitive.SIGNED && b == Primitive.FLOAT ? CAST_INT_TO_FLOAT
                : a == Primitive.BOOL && b == Primitive.SIGNED ? CAST_BOOL_TO_INT
                : a == Primitive.SIGNED && b == Primitive.UNSIGNED ? CAST_INT_TO_UINT
                : a == Primitive.UNSIGNED && b == Primitive.SIGNED ? CAST_UINT_TO_INT
                : a == Primitive.BOOL && b == Primitive.UNSIGNED ? CAST_BOOL_TO_INT
                : null;
        if (op == null) {
            throw error("cannot convert " + a + " to " + b, line);
        }
        Value r = cast(op, v, op == CAST_BOOL_TO_INT ? Primitive.SIGNED : b, out, line);
        return op == CAST_BOOL_TO_INT && b == Primitive.UNSIGNED ? cast(CAST_INT_TO_UINT, r, b, out, line) : r;
    }

    /** {@code op(v)}: folded now when v is a constant ({@code 2} used as a float is {@code 2.0}). */
    private Value cast(LLOp op, Value v, LowLevelType to, List<SpaceOperation> out, int line) {
        if (v instanceof Constant c && c.value() instanceof LLConstant k) {
            return LLConstant.of(op.fold(k.value()), to);
        }
        Variable r = new Variable();
        ll.setType(r, to);
        out.add(new SpaceOperation(op, List.of(v), r, line));
        return r;
    }

    RTyperError error(String message, int line) {
        return new RTyperError(message + " (in function " + hl.name + ")", hl.code == null ? null : hl.code.source(), line);
    }
}
