package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
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

    int nargs() {
        return argReprs.size();
    }

    /** Argument {@code i} in the representation {@code r}, converted if it has another. */
    Value inputarg(Repr r, int i) {
        return converter.convert(converter.lowLevel(spaceop.args().get(i), argReprs.get(i)), argReprs.get(i), r, llops,
                spaceop.line());
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

    /** {@code whenTrue}'s value where {@code cond} holds, else {@code whenFalse}: the block branches and joins. */
    Value select(Value cond, Value whenFalse, java.util.function.Supplier<Value> whenTrue,
                 dev.taipan.rtyper.lltype.LowLevelType type) {
        return converter.select(this, cond, whenFalse, whenTrue, type);
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

    /** Emits {@code result = op(args)} with a result of type {@code resultType}. */
    Variable genop(LLOp op, List<Value> args, LowLevelType resultType) {
        Variable v = new Variable();
        converter.ll.setType(v, resultType);
        llops.add(new SpaceOperation(op, args, v, spaceop.line(), spaceop.columns()));
        return v;
    }

    RTyperError error(String message) {
        return converter.error(message, spaceop.line());
    }
}
