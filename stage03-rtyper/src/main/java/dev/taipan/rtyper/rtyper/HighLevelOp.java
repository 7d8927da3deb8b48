package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.flow.CallShape;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.llgraph.LowLevelGraph;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.LowLevelType;
import dev.taipan.rtyper.lltype.Ptr;
import java.util.ArrayList;
import java.util.List;

/**
 * One high-level operation being translated (PyPy's {@code HighLevelOp}): the operation, the
 * reprs of its arguments and of its result, and the low-level operations it becomes, emitted
 * in order by {@link #genop}. A rule asks for its arguments in the representation it works on
 * ({@link #inputarg}): the conversions are emitted on the spot.
 */
final class HighLevelOp {
    final SpaceOperation spaceop;
    final List<Repr> argReprs;
    final Repr resultRepr;
    private final GraphConverter converter;
    final List<SpaceOperation> llops = new ArrayList<>();

    HighLevelOp(SpaceOperation spaceop, List<Repr> argReprs, Repr resultRepr, GraphConverter converter) {
        this.spaceop = spaceop;
        this.argReprs = argReprs;
        this.resultRepr = resultRepr;
        this.converter = converter;
    }

    /** The rtyper this operation is translated by. */
    RTyper rtyper() {
        return converter.rtyper();
    }

    int nargs() {
        return argReprs.size();
    }

    /** An argument of a call at the low level: its value and its repr. */
    record CallArg(Value value, Repr repr) { }

    /**
     * The arguments of this call ({@code simple_call}, or {@code call_args} with its
     * {@link CallShape}) after the callee: positional ones, then those passed by keyword
     * ({@link #keywords}); a {@code *tuple} is expanded into its items.
     */
    List<CallArg> callArgs() {
        CallShape shape = shape();
        int first = shape == null ? 1 : 2;
        List<CallArg> out = new ArrayList<>();
        for (int i = first; i < nargs(); i++) {
            if (shape != null && shape.star() && i == nargs() - 1) {
                if (!(argReprs.get(i) instanceof Repr.TupleRepr t)) {
                    throw error("f(*x) with x a " + argReprs.get(i).lowleveltype() + ": only a tuple can be expanded");
                }
                Value tuple = arg(i);
                for (int k = 0; k < t.items().size(); k++) {
                    Repr r = t.items().get(k);
                    out.add(shape.positional() + k, new CallArg(   // after the positional ones, before the keywords
                            genop(LLOp.GETFIELD, List.of(tuple, LLConstant.voidOf("item" + k)), r.lowleveltype()), r));
                }
            } else {
                out.add(new CallArg(arg(i), argReprs.get(i)));
            }
        }
        return out;
    }

    /** The names of the arguments passed by keyword, which come last in {@link #callArgs}. */
    List<String> keywords() {
        CallShape shape = shape();
        return shape == null ? List.of() : shape.keywords();
    }

    private CallShape shape() {
        return spaceop.op() == HLOp.CALL_ARGS && spaceop.args().get(1) instanceof Constant c
                && c.value() instanceof CallShape s ? s : null;
    }

    /** Argument {@code i} in the representation {@code r}, converted if it has another. */
    Value inputarg(Repr r, int i) {
        return converter.convert(converter.lowLevel(spaceop.args().get(i), argReprs.get(i)), argReprs.get(i), r, llops,
                spaceop.line());
    }

    /**
     * {@code v}, of repr {@code from}, as this operation's result: converted to its repr here;
     * but a call that the block's exception links guard must stay the block's last low-level
     * operation, so its result keeps repr {@code from} and is converted on the normal link
     * (fuzz seed 900055: a narrowing after the call left the call outside its {@code try}).
     */
    Value resultFrom(Value v, Repr from) {
        if (from.equals(resultRepr)) {
            return v;
        }
        if (converter.guardedByHandlers(spaceop)) {
            converter.keepRepr(spaceop.result(), from);
            return v;
        }
        return convert(v, from, resultRepr);
    }

    /** {@code v}, of repr {@code from}, in repr {@code to} (conversions emitted here). */
    Value convert(Value v, Repr from, Repr to) {
        return converter.convert(v, from, to, llops, spaceop.line());
    }

    /** The low-level value of argument {@code i} in its own repr. */
    Value arg(int i) {
        return converter.lowLevel(spaceop.args().get(i), argReprs.get(i));
    }

    /**
     * Raises the prebuilt exception {@code cls(message)} if {@code cond}; the rule goes on in a
     * new block, where its values {@code live} have new names (returned in order).
     */
    List<Value> raiseIf(Value cond, ClassRepr cls, String message, List<Value> live) {
        return converter.raiseIf(this, cond, cls, message, live);
    }

    /** {@link #raiseIf} with the exception's message computed, on the raising path only, from {@code live}. */
    List<Value> raiseIfWithMessage(Value cond, ClassRepr cls, java.util.function.Function<List<Value>, Value> message, List<Value> live) {
        return converter.raiseIfWithMessage(this, cond, cls, message, live);
    }

    /** {@code whenTrue}'s value where {@code cond} holds, else {@code whenFalse}: the block branches and joins. */
    Value select(Value cond, Value whenFalse, java.util.function.Supplier<Value> whenTrue,
                 dev.taipan.rtyper.lltype.LowLevelType type) {
        return converter.select(this, cond, whenFalse, whenTrue, type);
    }

    /** {@link #select} whose true path reads values made before the branch, {@code live}, under their new names. */
    Value select(Value cond, Value whenFalse, java.util.function.Function<List<Value>, Value> whenTrue,
                 dev.taipan.rtyper.lltype.LowLevelType type, List<Value> live) {
        return converter.select(this, cond, whenFalse, whenTrue, type, live);
    }

    /** This is the arithmetic operation {@code ovfcheck(...)} wraps: it must raise OverflowError. */
    boolean overflowChecked() {
        return converter.overflowChecked(spaceop);
    }

    /** This is the call of {@code ovfcheck} itself, whose argument has been checked already. */
    boolean isOvfcheckCall() {
        return converter.isOvfcheckCall(spaceop);
    }

    /**
     * Emits a {@code direct_call} of the RPy helper {@code helper} with these low-level values
     * (PyPy's {@code hop.gendirectcall}): the helper is annotated and rtyped for their types, once
     * per list of types, and translated with the program ({@link LowLevelHelpers}).
     */
    Variable gendirectcall(LowLevelHelpers.Helper helper, Value... args) {
        List<Value> values = List.of(args);
        List<LowLevelType> types = values.stream().map(converter.ll::typeOf).toList();
        LowLevelGraph g = converter.rtyper().helpers.graph(helper, values, types,
                "called by the rtyper for '" + spaceop.opname() + "' " + converter.where(spaceop.line()));
        List<Value> operands = new ArrayList<>();
        operands.add(LLConstant.of(g, new Ptr(g.signature())));
        operands.addAll(values);
        return genop(LLOp.DIRECT_CALL, operands, g.signature().result());
    }

    /** The operation of the block being converted that computed {@code v} (a slice's {@code newslice}), or null. */
    SpaceOperation definition(Value v) {
        return converter.definition(v);
    }

    /** The value {@code v} of the block being converted (not an argument of this operation), in repr {@code to}. */
    Value valueOf(Value v, Repr to) {
        Repr from = converter.repr(v);
        return convert(converter.lowLevel(v, from), from, to);
    }

    /** Emits {@code result = op(args)} with a result of type {@code resultType}. */
    Variable genop(LLOp op, List<Value> args, LowLevelType resultType) {
        Variable v = new Variable();
        converter.ll.setType(v, resultType);
        llops.add(new SpaceOperation(op, args, v, spaceop.line(), spaceop.columns()));
        return v;
    }

    /** The repr of an annotation, for a value this operation makes or passes on (a helper's argument). */
    Repr reprOf(dev.taipan.annotator.SomeValue s) {
        return converter.rtyper().reprOf(s, converter, spaceop.line());
    }

    RTyperError error(String message) {
        return converter.error(message, spaceop.line());
    }
}
