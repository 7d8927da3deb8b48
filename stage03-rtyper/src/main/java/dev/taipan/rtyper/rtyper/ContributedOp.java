package dev.taipan.rtyper.rtyper;

import dev.taipan.annotator.SomeValue;
import dev.taipan.flowgraph.flow.Constant;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.flow.Variable;
import dev.taipan.flowgraph.host.PyObject;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.lloperation.LLOp;
import dev.taipan.rtyper.lltype.LowLevelType;
import java.util.List;

/**
 * One high-level operation as a later stage's {@link RTypedAnnotation} translates it: the
 * public face of the rtyper's own {@link HighLevelOp}, with what a rule needs and no more:
 * the operation and its arguments (annotations, low-level types, values, constants), the
 * arguments converted to a low-level type, and {@link #genop} to emit an operation.
 */
public final class ContributedOp {
    private final HighLevelOp hop;

    ContributedOp(HighLevelOp hop) {
        this.hop = hop;
    }

    /** The high-level operation: {@code add}, {@code getitem}, {@code simple_call}, ... */
    public HLOp op() {
        return (HLOp) hop.spaceop.op();
    }

    public int nargs() {
        return hop.nargs();
    }

    /** The annotation of argument {@code i}. */
    public SomeValue annotation(int i) {
        return hop.rtyper().annotation(hop.spaceop.args().get(i));
    }

    /** The annotation of the result. */
    public SomeValue resultAnnotation() {
        return hop.rtyper().annotation(hop.spaceop.result());
    }

    /** The low-level type argument {@code i} has in its own representation. */
    public LowLevelType argType(int i) {
        return hop.argReprs.get(i).lowleveltype();
    }

    /** The low-level type of the result's representation. */
    public LowLevelType resultType() {
        return hop.resultRepr.lowleveltype();
    }

    /** The host value of argument {@code i} when it is a constant of the graph (a type, a field name), else null. */
    public PyObject constant(int i) {
        return hop.spaceop.args().get(i) instanceof Constant c && c.value() instanceof PyObject o ? o : annotation(i).konst();
    }

    /** Argument {@code i} in its own representation. */
    public Value arg(int i) {
        return hop.arg(i);
    }

    /** Argument {@code i} as a value of low-level type {@code type} (a bool passed as an int is cast). */
    public Value inputarg(LowLevelType type, int i) {
        return hop.inputarg(PtrRules.reprOf(type), i);
    }

    /** Emits {@code result = op(args)}, the result of type {@code resultType}. */
    public Variable genop(LLOp op, List<Value> args, LowLevelType resultType) {
        return hop.genop(op, args, resultType);
    }

    /** The value of an operation that gives nothing ({@code setitem}): None. */
    public Value none() {
        return hop.rtyper().none();
    }

    /** An error at this operation's line, in the program's terms. */
    public RuntimeException error(String message) {
        return hop.error(message);
    }
}
