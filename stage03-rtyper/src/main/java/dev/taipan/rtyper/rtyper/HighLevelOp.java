package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.LowLevelType;
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
