package dev.taipan.rtyper.rtyper;

import dev.taipan.flowgraph.flow.Value;
import dev.taipan.flowgraph.operation.HLOp;
import dev.taipan.rtyper.llgraph.LLConstant;
import dev.taipan.rtyper.lltype.Primitive;
import dev.taipan.rtyper.rtyper.LowLevelHelpers.Helper;
import dev.taipan.rtyper.rtyper.Repr.PrimitiveRepr;

/**
 * The builtins on single values that {@link Builtins} leaves out (PyPy's {@code rbuiltin.py}):
 * {@code bool(x)}, the truth rule of {@code if x:} as a value, and {@code min(a, b, ...)} /
 * {@code max(a, b, ...)} of numbers and chars, a chain of calls of {@code rbuiltin.ll_min}/
 * {@code ll_max}. Those helpers compare with RPy's own {@code <}, so the item type's ordering
 * is the one rule a comparison of that type already has; {@code min} and {@code max} of a list
 * are {@link ListRules}'.
 */
final class NumericBuiltins {
    private NumericBuiltins() { }

    private static final String RBUILTIN = "rpython.rtyper.rbuiltin";

    static boolean handles(HighLevelOp hop, String name) {
        return switch (name) {
            case "bool" -> hop.spaceop.op() == HLOp.SIMPLE_CALL;
            case "min", "max" -> hop.nargs() >= 3;   // the callee and two values or more
            default -> false;
        };
    }

    static Value call(RTyper rtyper, HighLevelOp hop, String name) {
        return switch (name) {
            case "bool" -> hop.nargs() == 1 ? LLConstant.of(false, Primitive.BOOL) : Rules.truth(rtyper, hop, 1);
            default -> minmax(hop, name);
        };
    }

    /**
     * {@code max(a, b, c)} is {@code ll_max(ll_max(a, b), c)}: Python keeps the first of equal
     * values (and, with a NaN, whatever the comparisons keep), and so does a left fold of
     * {@code if b > a: return b}. The values are first converted to the result's repr, the
     * union the annotator made of them ({@code max(1, 2.5)} is a float, as in PyPy).
     */
    private static Value minmax(HighLevelOp hop, String name) {
        if (hop.spaceop.op() != HLOp.SIMPLE_CALL) {
            throw hop.error(name + "() with key= or default= has no low-level translation in this part");
        }
        Repr r = hop.resultRepr;
        if (!(r instanceof PrimitiveRepr(Primitive p)) || p == Primitive.VOID) {
            throw hop.error(name + "() of " + r.lowleveltype() + " values has no low-level translation in this part "
                    + "(it takes numbers and chars; strs and tuples need their ordering)");
        }
        Helper helper = new Helper(RBUILTIN, "ll_" + name);
        Value acc = hop.inputarg(r, 1);
        for (int i = 2; i < hop.nargs(); i++) {
            acc = hop.gendirectcall(helper, acc, hop.inputarg(r, i));
        }
        return acc;
    }
}
