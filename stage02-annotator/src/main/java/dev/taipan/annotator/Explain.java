package dev.taipan.annotator;

import dev.taipan.flowgraph.flow.SpaceOperation;
import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.operation.HLOp;
import java.util.List;

/** Says, in Python's words, why an operation could not be typed (its result would be {@code SomeObject}). */
final class Explain {
    private Explain() { }

    static String untypable(Annotator ann, SpaceOperation op) {
        List<Value> args = op.args();
        String a0 = args.isEmpty() ? "" : Describe.article(ann.binding(args.get(0)));
        String a1 = args.size() < 2 ? "" : Describe.article(ann.binding(args.get(1)));
        String name = Operations.constStr(op, 1);
        return switch ((HLOp) op.op()) {
            case SIMPLE_CALL, CALL_ARGS -> ann.binding(args.get(0)) instanceof SomeValue.SomeBuiltin b
                    ? "'" + b.name() + "' is not supported in RPy" + (b.self() == null ? "" : " on " + Describe.article(b.self()))
                    : "cannot call " + a0 + " in RPy";
            case GETATTR -> a0 + " has no attribute '" + name + "' in RPy";
            case SETATTR -> "cannot set attribute '" + name + "' on " + a0 + " in RPy";
            case DELATTR -> "RPy cannot delete attributes (an instance keeps its fields for life)";
            case GETITEM -> "cannot index " + a0 + " with " + a1;
            case SETITEM -> "cannot store an item into " + a0 + (a1.isEmpty() ? "" : " at " + a1);
            case DELITEM -> "cannot delete an item of " + a0 + (a1.isEmpty() ? "" : " at " + a1);
            case ITER -> "cannot iterate over " + a0;
            case NEXT -> "cannot take the next item of " + a0 + ": it is not an iterator";
            case TYPE -> "type() of " + a0 + " is not supported in RPy (only of instances)";
            case NEWSET -> "sets are not supported in RPy (use a dict with True values)";
            case STR, REPR, ASCII, FORMAT -> "this f-string conversion or format spec is not supported in RPy "
                    + "(build the text with str(), repr() or '%')";
            case LEN, HASH -> "'" + op.opname() + "' of " + a0 + " is not supported in RPy";
            default -> "'" + op.opname() + "' does not apply to " + a0 + (a1.isEmpty() ? "" : " and " + a1);
        };
    }

    /**
     * Why an operation left blocked at the fixpoint can never succeed: some argument never gets
     * a possible value (it is only ever None, or comes from code that never returns).
     */
    static String cannotSucceed(Annotator ann, SpaceOperation op) {
        Value first = op.args().isEmpty() ? null : op.args().getFirst();
        SomeValue s = first == null ? SomeValue.IMPOSSIBLE : ann.binding(first);
        String attr = Operations.constStr(op, 1);
        String action = switch ((HLOp) op.op()) {
            case GETATTR -> "reading ";
            case SETATTR -> "setting ";
            default -> null;
        };
        if (action == null) {
            return "'" + op.opname() + "' of " + Describe.article(s) + " cannot succeed: no value of a possible type "
                    + "ever reaches it";
        }
        if (first instanceof dev.taipan.flowgraph.flow.Variable v && v.localName() != null && s instanceof SomeValue.SomeNone) {
            return "'" + v.localName() + "' is always None here, so " + action + "its attribute '" + attr
                    + "' cannot succeed";
        }
        return action + "attribute '" + attr + "' of " + Describe.article(s) + " cannot succeed"
                + (s instanceof SomeValue.SomeNone ? "" : ": no value of a possible type ever reaches it");
    }
}
